-- Cases that can always close (issue 14): a return visit (回访) rates a resolved case on the
-- enterprise's behalf, a case nobody rates in time closes unrated (未评价), and a supervisor may
-- judge a bad rating after review (差评复核). Each is a fact of the case row, so the event of the
-- step seals it (CaseFacts) and statistics can count them apart without reading the history.

-- Who gave the rating: ENTERPRISE, RETURN_VISIT, or NOT_RATED (no rating at all). Null on cases
-- rated before this change (by their enterprise) and on cases not yet rated.
alter table cases add column rating_source varchar(20);
-- Of the last return visit: who answered for the enterprise, his position, when and how
-- (PHONE, VISIT, OTHER).
alter table cases add column respondent_name varchar(100);
alter table cases add column respondent_role varchar(100);
alter table cases add column answered_at timestamp with time zone;
alter table cases add column answer_method varchar(10);
-- A supervisor's judgement of a bad rating (UPHELD or UNREASONABLE) and his reason.
alter table cases add column rating_review varchar(20);
alter table cases add column rating_review_reason varchar(4000);

-- Cases resolved before this change have no timer to close them unrated: give each one, as its
-- resolution would have, a fortnight (ten working days, near enough) from the day of the upgrade.
insert into case_timer (case_id, kind, cycle, fire_at)
select c.id, 'CLOSE_UNRATED', c.limit_cycle, current_timestamp + interval '14' day
from cases c
where c.state = 'RESOLVED' and c.kind in ('ENTERPRISE_REQUEST', 'HELP_VISIT');
