-- Work queues now put the nearest limit first (CaseQueries.URGENT_FIRST orders by limit_at), and the
-- workflow has the suspension states: the partial indexes of V6 follow. The state lists must match
-- the workflow's (QueueIndexTests checks).
drop index cases_waiting_on_dispatcher;
drop index cases_waiting_on_lead_unit;
create index cases_waiting_on_dispatcher on cases (limit_at, updated_at desc, id desc) include (region_path)
    where state in ('ACCEPTED', 'DISPUTED', 'EXTENSION_REQUESTED', 'SUBMITTED', 'SUSPENSION_REQUESTED');
create index cases_waiting_on_lead_unit on cases (lead_unit_id, limit_at, updated_at desc, id desc)
    where state in ('ASSIGNED', 'EXTENSION_REQUESTED', 'IN_PROGRESS', 'REOPENED', 'SUSPENDED', 'SUSPENSION_REQUESTED');
