-- What the /discipline page's card of one's own work reads (issue 15, Performance), by index
-- rather than over every record (DisciplineQueries.myActions):
--   the actions running today: by the day they end, the few not yet over;
--   each of his groups' inspections so far and those not yet issued: by group (there was no
--   index by group, so each count read the 288,300 inspections at 100 times the seed).
create index special_action_running on special_action (ends_on, starts_on);
create index inspection_group on inspection (group_id, issued_at);
