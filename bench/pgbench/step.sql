-- The shape of one case step at the database: update one case row by its key, append one event row.
-- The events go to a scratch table with case_event's columns, so the generated histories stay intact.
\set id random(1, :cases)
BEGIN;
UPDATE cases SET version = version + 1, updated_at = now() WHERE id = :id;
INSERT INTO bench_step_event (case_id, seq, action, actor_id, actor_unit_id, at, from_state, to_state, note,
                              visible_to_enterprise, prev_hash, hash)
VALUES (:id, 1, 'STAGE_REPLY', 1, 1, now(), 'IN_PROGRESS', 'IN_PROGRESS', 'pgbench step', true,
        '0000000000000000000000000000000000000000000000000000000000000000',
        '1111111111111111111111111111111111111111111111111111111111111111');
END;
