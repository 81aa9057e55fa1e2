-- The H2 counterpart of db/vendor/postgresql/V33 (H2 has no partial indexes).
create index cases_watched_by_unit on cases (lead_unit_id, time_state, limit_at);
create index cases_watched_by_category on cases (category_id, time_state, limit_at);
create index cases_watched_by_kind on cases (kind, time_state, limit_at);
