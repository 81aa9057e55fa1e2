-- A planned inspection scheduled ahead is filled in on its day (issue 15): its checklist and
-- summary noted then, on its page or from a phone, by whoever went. checked_at is when
-- something was first noted against the checklist (null: nothing yet, as for one scheduled
-- ahead), checked_by who noted it and check_key the key of the phone that sent it, so that a
-- resent fill is answered with what the first stored, as a resent inspection is
-- (inspection_client_key).
alter table inspection add column checked_at timestamp with time zone;
alter table inspection add column checked_by bigint;
alter table inspection add column check_key varchar(64);
create unique index inspection_check_key on inspection (checked_by, check_key);

-- An inspection recorded once made counts as filled in when it noted the checklist, or, its
-- action having none, has a summary; one scheduled ahead, or recorded with a summary alone
-- beside a checklist (what to look at), may still be.
update inspection set checked_at = created_at, checked_by = recorded_by
where exists (select 1 from inspection_check c where c.inspection_id = inspection.id)
   or (summary is not null and inspected_on <= cast(created_at at time zone 'Asia/Shanghai' as date)
       and not exists (select 1 from action_checkpoint p where p.action_id = inspection.action_id));
