-- The history seals every field of an event and the facts of its case (hash version 2), and the case
-- numbers given up are recorded, so that a deleted case leaves a hole the verifier can see.
--
-- hash_version: 1 for the events written before this migration, which keep verifying under the rule
-- they were sealed with (docs/ARCHITECTURE.md, "Hash-chained, append-only history"); the
-- application writes 2. facts: the facts of the case row this event changed (all of them for the
-- first), sealed with it, so that replaying the events gives the row.
alter table case_event add column hash_version integer not null default 1;
alter table case_event add column facts varchar;

-- Case numbers come from case_number_seq, which skips the number of a filing that rolls back. The
-- application records such a number here once the rollback is done (CaseNumbers), so that every
-- number below the highest one in use either has its case or is known to have been given up, and a
-- deleted case leaves a hole the verifier names. Numbers up to numbered_after were issued before
-- this record was kept and are not checked for holes.
create table case_number_void (
    seq       bigint primary key,
    voided_at timestamp with time zone not null
);
create table case_numbering (
    id             integer primary key,
    numbered_after bigint not null
);
insert into case_numbering (id, numbered_after)
select 1, coalesce(max(cast(regexp_replace(number, '^.*-', '') as bigint)), 0) from cases;
