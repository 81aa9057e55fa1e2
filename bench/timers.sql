-- Time states recomputed set-based: every case's in one statement, then the sweep's own two
-- statements as they run every two seconds (which touch only the cases that changed colour).
\set ON_ERROR_STOP on
\timing on
\echo 'recompute the time state of every case:'
update cases set time_state = case when limit_at is null then null when limit_at <= now() then 'RED'
                                   when yellow_at <= now() then 'YELLOW' else 'ON_TIME' end;
\echo 'the sweep advancing colours (nothing changed since):'
update cases set time_state = 'RED' where time_state in ('ON_TIME', 'YELLOW') and limit_at <= now();
update cases set time_state = 'YELLOW' where time_state = 'ON_TIME' and yellow_at <= now();
