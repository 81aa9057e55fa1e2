-- Work queues (CaseQueries.queue) read each party's branch in order from an index holding only
-- the cases that wait on that party. Partial indexes are PostgreSQL's; db/vendor/h2 has the plain
-- equivalents. The state lists must match the workflow's (Workflows.ENTERPRISE_REQUEST).
create index cases_waiting_on_dispatcher on cases (due_date, updated_at desc, id desc) include (region_path)
    where state in ('SUBMITTED', 'ACCEPTED', 'DISPUTED', 'EXTENSION_REQUESTED');
create index cases_waiting_on_lead_unit on cases (lead_unit_id, due_date, updated_at desc, id desc)
    where state in ('ASSIGNED', 'IN_PROGRESS', 'REOPENED', 'EXTENSION_REQUESTED');
create index cases_by_update on cases (updated_at desc, id desc);
