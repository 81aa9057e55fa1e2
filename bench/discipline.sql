-- A city's year of discipline work (issue 15's Performance section) added to a generated bench
-- database (bench/generate.sql: the city, 7 counties, their 36 units, the bench.* people):
-- :scale times the seed's 2015 (271 actions, 2,883 inspections, 449 findings, 185 people held
-- accountable); scale 100 is the issue's 27,100 actions, 288,300 inspections, 44,900 findings and
-- 18,500 people. Written as the services write it, but as totals in set-based SQL:
--   * bench.inspector.city: an inspector of the city (jurisdiction 330400, unit B-JX), token
--     qq_bench_bench.inspector.city, password bench; he leads every action's group;
--   * bench.member.330421: a handler of 嘉善县's 经信局 and a member of every action's group (the
--     phone that syncs inspections, bench/InspectionSync.java);
--   * actions: one in four organised by 嘉善县's centre for the county, the rest by the city's; each
--     starts on a day of 2015 (January to November), runs 30 days, three points of checklist, one group;
--   * inspections: of a unit the action covers, on a day of its period, one in three unannounced,
--     all issued, with a note per point of the checklist;
--   * findings: spread over the inspections, of the nine kinds, one in three with people named, each
--     pointing at a case of the database as its rectification item (the items' own case history is
--     the case engine's and not generated here);
--   * accountability: a person per finding up to 185 per scale, a few organisations;
--   * the figures' counts by month (V55 discipline_tally), counted from the records above.
-- Run on a fresh generated database; run again, it adds another such year.
\set ON_ERROR_STOP on
\timing on

insert into person (username, display_name, password_hash, unit_id, jurisdiction_code)
select 'bench.inspector.city', '嘉兴市纪委检查员', '{noop}bench', u.id, '330400'
from unit u where u.code = 'B-JX' and not exists (select 1 from person where username = 'bench.inspector.city');
insert into person (username, display_name, password_hash, unit_id)
select 'bench.member.330421', '嘉善县督查组成员', '{noop}bench', u.id
from unit u where u.code = 'B-330421-0' and not exists (select 1 from person where username = 'bench.member.330421');
insert into person_role (person_id, role)
select id, case when username = 'bench.inspector.city' then 'INSPECTOR' else 'HANDLER' end from person p
where username in ('bench.inspector.city', 'bench.member.330421')
  and not exists (select 1 from person_role r where r.person_id = p.id);
insert into api_token (person_id, name, token_hash, created_at)
select id, 'bench', encode(sha256(convert_to('qq_bench_' || username, 'UTF8')), 'hex'), now() from person p
where username in ('bench.inspector.city', 'bench.member.330421')
  and not exists (select 1 from api_token t where t.person_id = p.id);

create temporary table bench_who as
select (select id from person where username = 'bench.inspector.city') as inspector,
       (select unit_id from person where username = 'bench.inspector.city') as inspector_unit,
       (select id from person where username = 'bench.member.330421') as member,
       (select unit_id from person where username = 'bench.member.330421') as member_unit,
       (select coalesce(max(id), 0) from special_action) as actions_before,
       (select coalesce(max(id), 0) from inspection) as inspections_before,
       (select coalesce(max(id), 0) from finding) as findings_before,
       (select coalesce(max(id), 0) from cases) as cases;

-- The units an action may inspect: 嘉善县's for the county's actions, any for the city's.
create temporary table bench_unit as
select u.id, r.path, row_number() over (order by u.id) - 1 as n,
       (r.path like '/330400/330421/%') as in_county
from unit u join region r on r.code = u.region_code;
create temporary table bench_county_unit as
select id, path, row_number() over (order by id) - 1 as n from bench_unit where in_county;

-- Actions.
insert into special_action (theme, organiser_unit_id, region_code, region_path, coverage_path, starts_on, ends_on,
                            unit_kinds, created_by, created_at)
select case when a % 4 = 0 then '嘉善县正风肃纪专项检查 第' || a || '号' else '嘉兴市正风肃纪专项行动 第' || a || '号' end,
       case when a % 4 = 0 then (select id from unit where code = 'B-330421') else w.inspector_unit end,
       case when a % 4 = 0 then '330421' else '330400' end,
       case when a % 4 = 0 then '/330400/330421/' else '/330400/' end,
       case when a % 4 = 0 then '/330400/330421/' else '/330400/' end,
       date '2015-01-01' + (a % 300), date '2015-01-01' + (a % 300) + 30, '', w.inspector,
       timestamp with time zone '2015-01-01 09:00:00+08' + make_interval(days => a % 300)
from generate_series(1, 271 * :scale) a cross join bench_who w
order by a;
create temporary table bench_action as
select s.id, s.id - w.actions_before as a, s.region_code, s.starts_on
from special_action s cross join bench_who w where s.id > w.actions_before;
create index on bench_action (a);

insert into action_checkpoint (action_id, position, text)
select a.id, p, (array['一次性告知是否清楚', '办事是否来回跑', '窗口人员是否在岗在位'])[p]
from bench_action a cross join generate_series(1, 3) p;
insert into supervision_group (action_id, name, leader_id)
select a.id, '第' || (1 + a.a % 6) || '督查组', w.inspector from bench_action a cross join bench_who w order by a.id;
insert into supervision_group_member (group_id, person_id, unit_id)
select g.id, w.inspector, w.inspector_unit from supervision_group g join bench_action a on a.id = g.action_id cross join bench_who w;
insert into supervision_group_member (group_id, person_id, unit_id)
select g.id, w.member, w.member_unit from supervision_group g join bench_action a on a.id = g.action_id cross join bench_who w;

-- Inspections: inspection i of action 1 + i % actions, on a day of its period.
insert into inspection (action_id, group_id, unit_id, region_path, mode, inspected_on, summary, issued_at,
                        recorded_by, client_key, created_at)
select a.id, g.id, u.id, u.path, case when i % 3 = 0 then 'UNANNOUNCED' else 'PLANNED' end,
       a.starts_on + (i % 28), '检查情况 ' || i,
       timestamp with time zone '2015-01-02 17:00:00+08' + make_interval(days => (a.starts_on - date '2015-01-01') + i % 28),
       w.inspector, 'bench-' || w.inspections_before || '-' || i,
       timestamp with time zone '2015-01-01 17:00:00+08' + make_interval(days => (a.starts_on - date '2015-01-01') + i % 28)
from generate_series(1, 2883 * :scale) i
cross join bench_who w
join bench_action a on a.a = 1 + i % (271 * :scale)
join supervision_group g on g.action_id = a.id
join lateral (select id, path from bench_unit where not (a.region_code = '330421') and n = i % (select count(*) from bench_unit)
              union all
              select id, path from bench_county_unit where a.region_code = '330421' and n = i % (select count(*) from bench_county_unit)) u on true
order by i;
create temporary table bench_inspection as
select s.id, s.id - w.inspections_before as i, s.unit_id, s.region_path
from inspection s cross join bench_who w where s.id > w.inspections_before;
create index on bench_inspection (i);
insert into inspection_check (inspection_id, position, passed, note)
select i.id, p, (i.i + p) % 4 <> 0, case when (i.i + p) % 4 = 0 then '发现问题' end
from bench_inspection i cross join generate_series(1, 3) p;

-- Findings: finding f on inspection 1 + (f * 6421) % inspections (6421 is prime to every count used).
insert into finding (inspection_id, unit_id, region_path, kind_id, what, place, people, rectification_id, created_at)
select i.id, i.unit_id, i.region_path, k.id, '问题 ' || f || '：一次性告知不清楚，群众反复跑', '办事大厅 ' || (1 + f % 9) || ' 号窗口',
       case when f % 3 = 0 then '张某' || f end,
       case when w.cases > 0 then 1 + (f * 7919) % w.cases end,
       timestamp with time zone '2015-01-05 10:00:00+08' + make_interval(days => f % 300)
from generate_series(1, 449 * :scale) f
cross join bench_who w
join bench_inspection i on i.i = 1 + (f * 6421) % (2883 * :scale)
join problem_kind k on k.position = 1 + f % 9
order by f;

-- Accountability: 185 people per scale, each for a finding, and one organisation in ten of them.
insert into accountability (cause_type, cause_id, subject, person_name, unit_id, region_path, form, decided_by,
                            decided_on, document_number, recorded_by, created_at)
select 'FINDING', x.id, 'PERSON', '张某' || d, x.unit_id, x.region_path,
       (array['NOTICE', 'ADMONITION', 'ORGANISATIONAL_HANDLING', 'DISCIPLINARY_SANCTION'])[1 + d % 4],
       '中共嘉兴市纪委', date '2015-01-20' + (d % 310), '嘉纪〔2015〕' || w.findings_before || '-' || d || '号', w.inspector,
       timestamp with time zone '2015-01-20 10:00:00+08' + make_interval(days => d % 310)
from generate_series(1, 185 * :scale) d
cross join bench_who w
join finding x on x.id = w.findings_before + 1 + (d * 2) % (449 * :scale);
insert into accountability (cause_type, cause_id, subject, person_name, unit_id, region_path, form, decided_by,
                            decided_on, document_number, recorded_by, created_at)
select 'FINDING', x.id, 'ORGANISATION', null, x.unit_id, x.region_path, 'NOTICE', '中共嘉兴市纪委',
       date '2015-02-01' + (d % 290), '嘉纪通〔2015〕' || w.findings_before || '-' || d || '号', w.inspector, now()
from generate_series(1, 18 * :scale) d
cross join bench_who w
join finding x on x.id = w.findings_before + 1 + (d * 5) % (449 * :scale);

-- The counts the figures read (V55, discipline.DisciplineTally), as the services keep them, for
-- the records above: the table's rows are replaced by those counted from every record.
delete from discipline_tally;
insert into discipline_tally (figure, month_no, region_path, unit_id, organiser_unit_id, visible, n)
select 'A', extract(year from a.starts_on)::int * 12 + extract(month from a.starts_on)::int - 1,
       a.region_path, a.organiser_unit_id, a.organiser_unit_id, 1, count(*)
from special_action a group by 2, 3, 4, 5;
insert into discipline_tally (figure, month_no, region_path, unit_id, organiser_unit_id, visible, n)
select 'I', extract(year from i.inspected_on)::int * 12 + extract(month from i.inspected_on)::int - 1,
       i.region_path, i.unit_id, a.organiser_unit_id,
       case when i.mode = 'PLANNED' or i.issued_at is not null then 1 else 0 end, count(*)
from inspection i join special_action a on a.id = i.action_id group by 2, 3, 4, 5, 6;
insert into discipline_tally (figure, month_no, region_path, unit_id, organiser_unit_id, visible, n)
select 'F', extract(year from i.inspected_on)::int * 12 + extract(month from i.inspected_on)::int - 1,
       i.region_path, i.unit_id, a.organiser_unit_id, case when i.issued_at is not null then 1 else 0 end, count(*)
from finding f join inspection i on i.id = f.inspection_id join special_action a on a.id = i.action_id
group by 2, 3, 4, 5, 6;
insert into discipline_tally (figure, month_no, region_path, unit_id, organiser_unit_id, visible, n)
select 'P', extract(year from r.decided_on)::int * 12 + extract(month from r.decided_on)::int - 1,
       r.region_path, r.unit_id, coalesce(a.organiser_unit_id, -1), 1, count(*)
from accountability r
left join finding f on r.cause_type = 'FINDING' and f.id = r.cause_id
left join inspection i on i.id = f.inspection_id
left join special_action a on a.id = i.action_id
where r.subject = 'PERSON' group by 2, 3, 4, 5;

-- vacuum as well: a PostgreSQL whose autovacuum is off (these machines') would otherwise leave the
-- tables' visibility maps empty, and every index-only read would visit the rows.
vacuum analyze discipline_tally;
vacuum analyze special_action;
vacuum analyze inspection;
vacuum analyze finding;
vacuum analyze accountability;
vacuum analyze supervision_group_member;
select (select count(*) from special_action) as actions, (select count(*) from inspection) as inspections,
       (select count(*) from finding) as findings,
       (select count(*) from accountability where subject = 'PERSON') as people;
