-- The four figures of discipline work kept as counts by month (issue 15, Performance): written
-- in the transaction that writes the record (discipline.DisciplineTally), read by
-- discipline.DisciplineFigures with the one jurisdiction rule on region_path and unit_id.
--   figure: A an action (on its first day, for its region and organiser unit), I an inspection
--           (on its day, for the unit inspected), F a finding (on its inspection's day, for the
--           unit inspected), P a person held accountable (on the day of the decision, for its unit);
--   month_no: year * 12 + month - 1;
--   organiser_unit_id: the organiser of the action (of the finding's action for a decision caused
--           by a finding; -1 for any other decision);
--   visible: 1 counted for everyone, 0 for discipline roles only (an unannounced inspection and
--           the findings of an inspection, until its findings are issued).
create table discipline_tally (
    figure            varchar(1)  not null,
    month_no          integer     not null,
    region_path       varchar(80) not null,
    unit_id           bigint      not null,
    organiser_unit_id bigint      not null,
    visible           smallint    not null,
    n                 bigint      not null,
    primary key (figure, month_no, region_path, unit_id, organiser_unit_id, visible)
);

insert into discipline_tally (figure, month_no, region_path, unit_id, organiser_unit_id, visible, n)
select 'A', cast(extract(year from a.starts_on) as integer) * 12 + cast(extract(month from a.starts_on) as integer) - 1,
       a.region_path, a.organiser_unit_id, a.organiser_unit_id, 1, count(*)
from special_action a
group by cast(extract(year from a.starts_on) as integer) * 12 + cast(extract(month from a.starts_on) as integer) - 1,
         a.region_path, a.organiser_unit_id;

insert into discipline_tally (figure, month_no, region_path, unit_id, organiser_unit_id, visible, n)
select 'I', cast(extract(year from i.inspected_on) as integer) * 12 + cast(extract(month from i.inspected_on) as integer) - 1,
       i.region_path, i.unit_id, a.organiser_unit_id,
       case when i.mode = 'PLANNED' or i.issued_at is not null then 1 else 0 end, count(*)
from inspection i join special_action a on a.id = i.action_id
group by cast(extract(year from i.inspected_on) as integer) * 12 + cast(extract(month from i.inspected_on) as integer) - 1,
         i.region_path, i.unit_id, a.organiser_unit_id,
         case when i.mode = 'PLANNED' or i.issued_at is not null then 1 else 0 end;

insert into discipline_tally (figure, month_no, region_path, unit_id, organiser_unit_id, visible, n)
select 'F', cast(extract(year from i.inspected_on) as integer) * 12 + cast(extract(month from i.inspected_on) as integer) - 1,
       i.region_path, i.unit_id, a.organiser_unit_id, case when i.issued_at is not null then 1 else 0 end, count(*)
from finding f join inspection i on i.id = f.inspection_id join special_action a on a.id = i.action_id
group by cast(extract(year from i.inspected_on) as integer) * 12 + cast(extract(month from i.inspected_on) as integer) - 1,
         i.region_path, i.unit_id, a.organiser_unit_id, case when i.issued_at is not null then 1 else 0 end;

insert into discipline_tally (figure, month_no, region_path, unit_id, organiser_unit_id, visible, n)
select 'P', cast(extract(year from r.decided_on) as integer) * 12 + cast(extract(month from r.decided_on) as integer) - 1,
       r.region_path, r.unit_id, coalesce(a.organiser_unit_id, -1), 1, count(*)
from accountability r
left join finding f on r.cause_type = 'FINDING' and f.id = r.cause_id
left join inspection i on i.id = f.inspection_id
left join special_action a on a.id = i.action_id
where r.subject = 'PERSON'
group by cast(extract(year from r.decided_on) as integer) * 12 + cast(extract(month from r.decided_on) as integer) - 1,
         r.region_path, r.unit_id, coalesce(a.organiser_unit_id, -1);

-- The region path under which every inspection of an action lies (the one region it covers, or
-- its own when it names none; '/' when it covers several): a person whose jurisdiction holds it
-- counts none of its inspections twice as a member of its groups.
alter table special_action add column coverage_path varchar(80);
update special_action set coverage_path = region_path
where not exists (select 1 from action_region r where r.action_id = special_action.id);
update special_action set coverage_path = (select g.path from action_region r join region g on g.code = r.region_code
                                           where r.action_id = special_action.id)
where (select count(*) from action_region r where r.action_id = special_action.id) = 1;
update special_action set coverage_path = '/' where coverage_path is null;
alter table special_action alter column coverage_path set not null;

-- The lists the figures drill to, latest first (the first page of /discipline): read by day
-- from the newest instead of sorting the year's records.
create index inspection_day on inspection (inspected_on, id);
create index special_action_day on special_action (starts_on, id);
