-- The H2 counterpart of db/vendor/postgresql/V61 (H2 has no partial indexes).
create index inspection_to_issue on inspection (issued_at, inspected_on, id);
