-- Notice texts in the reader's language (docs/notifications.md#languages): a notice keeps the
-- key and arguments of its subject and body (platform.Text as JSON) beside the Chinese text
-- it has always stored, which old rows and a supervisor's own words keep using; the inbox,
-- the e-mails and the robots put it into words when it is read or sent. Each person has a
-- language for what reaches him outside a page (zh unless he chose en), and so has a
-- registrant, for the mail that tells him the decision.
alter table person add column language varchar(5) default 'zh' not null;
alter table registration add column language varchar(5) default 'zh' not null;
alter table notification add column subject_text varchar(2000);
alter table notification add column body_text varchar(4000);
alter table notification_outbox add column subject_text varchar(2000);
alter table notification_outbox add column body_text varchar(4000);
