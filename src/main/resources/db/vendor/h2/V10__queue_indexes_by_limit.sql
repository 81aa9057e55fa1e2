-- The H2 counterpart of db/vendor/postgresql/V10.
drop index cases_waiting_on_lead_unit;
create index cases_waiting_on_lead_unit on cases (lead_unit_id, limit_at, updated_at);
