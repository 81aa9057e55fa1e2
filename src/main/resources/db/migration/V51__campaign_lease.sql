-- The lease of the campaign's daily urging round (campaign.DailyUrging), as assessment_lease:
-- one node at a time urges the lagging units of the running campaigns.
create table campaign_lease (
    name       varchar(30) primary key,
    holder     varchar(100),
    held_until timestamp with time zone
);
insert into campaign_lease (name) values ('urging');
