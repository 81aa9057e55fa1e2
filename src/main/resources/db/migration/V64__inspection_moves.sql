-- Every move of a planned inspection scheduled ahead (issue 15): from which day to which, who
-- moved it and when, at the version it made. inspection.moved_from keeps only the last move; the
-- unit told of a plan moved twice sees both moves. Moves made before this table are known only
-- by moved_from and the audit log.
create table inspection_move (
    inspection_id bigint      not null references inspection (id),
    version       integer     not null,
    moved_from    date        not null,
    moved_to      date        not null,
    moved_by      bigint      not null,
    moved_at      timestamp with time zone not null,
    primary key (inspection_id, version)
);
