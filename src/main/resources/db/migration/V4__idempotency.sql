-- Responses to API requests sent with an Idempotency-Key, kept so a retry gets the first answer.
create table idempotent_request (
    owner        varchar(64)   not null,
    idem_key     varchar(100)  not null,
    request_hash varchar(64)   not null,
    status       integer,
    content_type varchar(100),
    location     varchar(300),
    etag         varchar(40),
    body         bytea,
    created_at   timestamp with time zone not null,
    primary key (owner, idem_key)
);
