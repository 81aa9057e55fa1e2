-- When each person last looked at his queue, for its "new" mark (casework.QueueLooks): a visit is a
-- run of looks less than 30 minutes apart, seen_before the last look of the visit before. The same
-- table is created for H2 in db/vendor/h2/V32.
create table queue_look (
    person_id   bigint primary key references person (id),
    looked_at   timestamp with time zone not null,
    seen_before timestamp with time zone
);

-- The list of all cases finds a case by any part of its number, its title or its enterprise's name
-- (CaseQueries.search: like/ilike '%…%'), which no b-tree serves: trigram indexes do, for a part of
-- three characters or more. pg_trgm is a trusted extension: the database's owner may create it.
create extension if not exists pg_trgm;
create index cases_number_trgm on cases using gin (number gin_trgm_ops);
create index cases_title_trgm on cases using gin (title gin_trgm_ops);
-- The enterprise module's table: read by casework's list (the enterprise's name of a case) since V3.
create index enterprise_name_trgm on enterprise using gin (name gin_trgm_ops);

-- The list filtered by the day of filing, and sorted by it.
create index cases_by_filing on cases (created_at desc, id desc);

-- The queue's counts read every case waiting on a dispatcher or a unit (tens of thousands in a
-- county): the partial indexes of V10 now also hold what the counts and tabs read (time state, kind),
-- so that PostgreSQL answers them from the index alone. The state lists must match the workflow's
-- (QueueIndexTests checks).
drop index cases_waiting_on_dispatcher;
drop index cases_waiting_on_lead_unit;
create index cases_waiting_on_dispatcher on cases (limit_at, updated_at desc, id desc) include (region_path, time_state, kind)
    where state in ('ACCEPTED', 'DISPUTED', 'EXTENSION_REQUESTED', 'SUBMITTED', 'SUSPENSION_REQUESTED');
create index cases_waiting_on_lead_unit on cases (lead_unit_id, limit_at, updated_at desc, id desc) include (time_state, kind)
    where state in ('ASSIGNED', 'EXTENSION_REQUESTED', 'IN_PROGRESS', 'REOPENED', 'SUSPENDED', 'SUSPENSION_REQUESTED');
-- The dispatcher's counts and his narrowed tabs (due soon, a kind, newest first): his county's part
-- of that index, as one range of paths (pattern_ops, as the database's collation is not C), with
-- all these read, instead of every county's cases filtered.
create index cases_waiting_on_dispatcher_by_region on cases (region_path varchar_pattern_ops)
    include (limit_at, updated_at, id, time_state, kind)
    where state in ('ACCEPTED', 'DISPUTED', 'EXTENSION_REQUESTED', 'SUBMITTED', 'SUSPENSION_REQUESTED');
