-- The inspections whose findings wait to be issued, oldest first (DisciplineQueries.toIssue, the
-- /discipline page's card): a handful among the year's 288,300 at 100 times the seed, which the
-- page read one by one (a sequential scan, 0.4 s). A partial index holds only those;
-- db/vendor/h2 has the plain equivalent.
create index inspection_to_issue on inspection (inspected_on, id) where issued_at is null;
