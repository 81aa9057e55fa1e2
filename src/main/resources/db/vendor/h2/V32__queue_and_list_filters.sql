-- The H2 counterpart of db/vendor/postgresql/V32: the queue's last looks; H2 has no trigram index
-- and scans for a part of a text.
create table queue_look (
    person_id   bigint primary key references person (id),
    looked_at   timestamp with time zone not null,
    seen_before timestamp with time zone
);
create index cases_by_filing on cases (created_at);
