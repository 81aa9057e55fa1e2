-- A planned inspection scheduled ahead is moved or cancelled before its day (issue 15): a version,
-- so that a change made on a stale reading is refused (412) rather than overwriting another's, as
-- supervision groups (V56); the day it was set for before its last move; and, once cancelled, who
-- cancelled it, when and why. A cancelled inspection stays on record, takes no findings, is never
-- issued and is no longer counted (discipline_tally: its count is taken back as it is cancelled).
alter table inspection add column version integer not null default 0;
alter table inspection add column moved_from date;
alter table inspection add column cancelled_at timestamp with time zone;
alter table inspection add column cancelled_by bigint;
alter table inspection add column cancel_reason varchar(500);
