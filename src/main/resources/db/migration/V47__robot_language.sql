-- The language a group robot writes in (docs/notifications.md#languages): zh unless its
-- administrator chose en; its messages, its daily digest and its link ("查看" / "View") are put
-- into words in it.
alter table notification_robot add column language varchar(5) default 'zh' not null;
