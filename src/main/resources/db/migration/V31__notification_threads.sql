-- Notices that are not noise (docs/notifications.md): the inbox keeps one entry per person,
-- case and topic, a thread that counts its repeats and shows the newest notice; which
-- notices a person has received moves to a table of its own, so a notice published again
-- still adds nothing, even after the thread was read.

create table notification_received (
    notice_key varchar(200) not null,
    person_id  bigint       not null references person (id),
    primary key (notice_key, person_id)
);
insert into notification_received (notice_key, person_id) select notice_key, person_id from notification;

alter table notification add column case_id bigint;
alter table notification add column repeats integer not null default 1;
alter table notification add column updated_at timestamp with time zone;
-- Every notice of a case has the key case:<id>:…; any other (none in production) is case 0.
update notification set case_id = case when notice_key like 'case:%'
    then cast(regexp_substr(notice_key, '[0-9]+') as bigint) else 0 end, updated_at = created_at;
create index notification_thread_old on notification (person_id, case_id, topic, id);
-- The newest row of each thread stays: it counts the others, and is unread if any was.
update notification set
    repeats = (select count(*) from notification o
               where o.person_id = notification.person_id and o.case_id = notification.case_id
                 and o.topic = notification.topic),
    read_at = case when exists (select 1 from notification o
               where o.person_id = notification.person_id and o.case_id = notification.case_id
                 and o.topic = notification.topic and o.read_at is null) then null else read_at end
where not exists (select 1 from notification o
    where o.person_id = notification.person_id and o.case_id = notification.case_id
      and o.topic = notification.topic and o.id > notification.id);
delete from notification where exists (select 1 from notification o
    where o.person_id = notification.person_id and o.case_id = notification.case_id
      and o.topic = notification.topic and o.id > notification.id);
drop index notification_thread_old;
alter table notification alter column case_id set not null;
alter table notification alter column updated_at set not null;
create unique index notification_thread on notification (person_id, case_id, topic);
-- The inbox page, newest first; the unread count uses notification_unread (person_id, read_at).
create index notification_recent on notification (person_id, updated_at, id);

-- How a person gets the notices that repeat (urgings, deadlines, overdue notices) by e-mail:
-- IMMEDIATE, or DAILY_DIGEST (one message a day listing the cases). No row: the default.
create table notification_delivery (
    person_id bigint      not null primary key references person (id) on delete cascade,
    delivery  varchar(20) not null
);

-- An outbox row held for the day's digest has status DIGEST, then DIGESTED once it is in
-- the digest. The digest itself is an ordinary outbox row, keyed digest:<day>.
create index notification_outbox_digest on notification_outbox (status, channel);
