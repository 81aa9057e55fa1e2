-- The supervision desk reads its rows most overdue first from indexes that hold only the yellow
-- and red cases, one per filter that picks few of them (SupervisionQueries.watchPage writes the
-- same literals); the inbox reads a person's unread entries newest first from one that holds
-- only those (Inbox.page). Partial indexes are PostgreSQL's; db/vendor/h2 has plain equivalents.
create index cases_watched on cases (limit_at, id) where time_state in ('YELLOW', 'RED');
create index cases_watched_by_unit on cases (lead_unit_id, limit_at, id) where time_state in ('YELLOW', 'RED');
create index cases_watched_by_category on cases (category_id, limit_at, id) where time_state in ('YELLOW', 'RED');
create index cases_watched_by_kind on cases (kind, limit_at, id) where time_state in ('YELLOW', 'RED');
create index cases_watched_escalated on cases (limit_at, id)
    where time_state in ('YELLOW', 'RED') and escalated_unit_id is not null;
create index notification_unread_recent on notification (person_id, updated_at, id) where read_at is null;
