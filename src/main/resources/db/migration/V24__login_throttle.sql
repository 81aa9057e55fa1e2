-- Failed logins and API tokens, counted per account and per network address, shared by every
-- node (organisation.internal.LoginThrottle). A row is a key such as 'account:alice' or
-- 'address:203.0.113.7'; after a few failures each further one makes the key wait, twice as long
-- each time up to a cap. A success forgets the account's row; old rows decay.
create table login_failure (
    throttle_key    varchar(300) not null,
    failures        integer      not null,
    last_failed_at  timestamp with time zone not null,
    blocked_until   timestamp with time zone,
    constraint login_failure_pk primary key (throttle_key)
);
