-- The H2 counterpart of db/vendor/postgresql/V6 (H2 has no partial indexes).
create index cases_waiting_on_lead_unit on cases (lead_unit_id, due_date, updated_at);
create index cases_by_update on cases (updated_at);
