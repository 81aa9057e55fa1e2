-- Leader assignments (领导交办) carry the leader's priority; every other case is NORMAL.
alter table cases add column priority varchar(12) not null default 'NORMAL';
