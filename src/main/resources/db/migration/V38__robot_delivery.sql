-- How a group robot is told the repeating notices (urgings, overdue, deadlines): IMMEDIATE, one
-- message each, or DAILY_DIGEST, one message a day listing the cases (the default: a group told
-- every urging of a county stops reading it). Orders, escalations and criticism always go at once.
alter table notification_robot add column delivery varchar(20) default 'DAILY_DIGEST' not null;
