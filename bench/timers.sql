-- Time states recomputed set-based, in one statement each: first as the sweep does every two seconds
-- (reading every case, writing only those whose colour changed), then rewriting every case (the worst
-- case, as if every colour had changed at once).
\set ON_ERROR_STOP on
\timing on
\echo 'recompute the time state of every case, writing the changed ones:'
update cases set time_state = case when limit_at is null then null when limit_at <= now() then 'RED'
                                   when yellow_at <= now() then 'YELLOW' else 'ON_TIME' end
where time_state is distinct from (case when limit_at is null then null when limit_at <= now() then 'RED'
                                        when yellow_at <= now() then 'YELLOW' else 'ON_TIME' end);
\echo 'recompute the time state of every case, rewriting all of them:'
update cases set time_state = case when limit_at is null then null when limit_at <= now() then 'RED'
                                   when yellow_at <= now() then 'YELLOW' else 'ON_TIME' end;
