-- The history seals every field of an event and the facts of its case (hash version 2), and cases
-- are numbered without gaps, so that a deleted case leaves a hole the verifier can see.
--
-- hash_version: 1 for the events written before this migration, which keep verifying under the rule
-- they were sealed with (docs/ARCHITECTURE.md, "Hash-chained, append-only history"); the
-- application writes 2. facts: the facts of the case row this event changed (all of them for the
-- first), sealed with it, so that replaying the events gives the row.
alter table case_event add column hash_version integer not null default 1;
alter table case_event add column facts varchar;

-- The last case number issued. It is taken in the filing's own transaction (a row lock, not a
-- sequence), so a filing that rolls back gives its number back and every number up to last_issued
-- belongs to a case. Numbers up to gapless_after came from case_number_seq, which may have skipped
-- some: the verifier looks for missing cases only above it.
create table case_number_counter (
    id            integer primary key,
    last_issued   bigint not null,
    gapless_after bigint not null
);
insert into case_number_counter (id, last_issued, gapless_after)
select 1, coalesce(max(cast(regexp_replace(number, '^.*-', '') as bigint)), 0),
       coalesce(max(cast(regexp_replace(number, '^.*-', '') as bigint)), 0)
from cases;
