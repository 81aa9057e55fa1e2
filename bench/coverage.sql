-- Generates the coverage benchmark's city, set-based, in the schema the application's Flyway
-- migrations made: regions, units, people with API tokens, :enterprises enterprises with valid
-- credit codes, :links links (most to officials, every tenth to a working group) and :visits visits
-- over the last year, most of them by a linked official to his linked enterprise.
--
--   psql -v enterprises=100000 -v links=20000 -v visits=1000000 -f bench/coverage.sql
--
-- People (password 'bench', API token qq_bench_<username>): bench.admin (the city),
-- bench.leader.<county>, bench.dispatcher.<county>, bench.visitor.<county>.<0..279>.
\set ON_ERROR_STOP on
\timing on

create or replace function bench_credit_code(first17 text) returns text language plpgsql immutable as $$
declare
    alphabet constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
    weights constant int[] := array[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    total int := 0;
begin
    for i in 1..17 loop
        total := total + (position(substr(first17, i, 1) in alphabet) - 1) * weights[i];
    end loop;
    return first17 || substr(alphabet, ((31 - total % 31) % 31) + 1, 1);
end $$;

-- Regions: the city, its seven counties, ten towns each.
insert into region (code, name, level, parent_code, path) values ('330400', '嘉兴市', 'CITY', null, '/330400/');
create temporary table bench_county (n int primary key, code text, name text);
insert into bench_county values (0, '330402', '南湖区'), (1, '330411', '秀洲区'), (2, '330421', '嘉善县'),
    (3, '330424', '海盐县'), (4, '330481', '海宁市'), (5, '330482', '平湖市'), (6, '330483', '桐乡市');
insert into region (code, name, level, parent_code, path)
select code, name, 'COUNTY', '330400', '/330400/' || code || '/' from bench_county;
insert into region (code, name, level, parent_code, path)
select c.code || (100 + t), c.name || '第' || t || '镇', 'TOWN', c.code, '/330400/' || c.code || '/' || c.code || (100 + t) || '/'
from bench_county c cross join generate_series(0, 9) t;

-- Units: a service centre per county under the city's, four departments under each centre.
insert into unit (code, name, kind, region_code) values ('B-JX', '嘉兴市企业服务中心', 'SERVICE_CENTRE', '330400');
insert into unit (code, name, kind, region_code, superior_id)
select 'B-' || c.code, c.name || '企业服务中心', 'SERVICE_CENTRE', c.code, (select id from unit where code = 'B-JX')
from bench_county c;
insert into unit (code, name, kind, region_code, superior_id)
select 'B-' || c.code || '-' || d, c.name || (array['经信局', '自规局', '商务局', '人社局'])[d + 1], 'DEPARTMENT', c.code,
       (select id from unit where code = 'B-' || c.code)
from bench_county c cross join generate_series(0, 3) d;

-- People: the city's administrator; a leader and a dispatcher per county; 280 visiting officials per county,
-- 70 in each department.
insert into person (username, display_name, password_hash, unit_id, jurisdiction_code)
values ('bench.admin', '嘉兴市管理员', '{noop}bench', (select id from unit where code = 'B-JX'), '330400');
insert into person (username, display_name, password_hash, unit_id, jurisdiction_code)
select 'bench.' || r.role || '.' || c.code, c.name || r.title, '{noop}bench', u.id, c.code
from bench_county c join unit u on u.code = 'B-' || c.code
cross join (values ('leader', '县领导'), ('dispatcher', '受理员')) r(role, title);
insert into person (username, display_name, password_hash, unit_id)
select 'bench.visitor.' || c.code || '.' || v, c.name || '走访干部' || v, '{noop}bench', u.id
from bench_county c cross join generate_series(0, 279) v join unit u on u.code = 'B-' || c.code || '-' || (v % 4);
insert into person_role (person_id, role)
select id, case when username = 'bench.admin' then 'ADMIN' when username like 'bench.leader.%' then 'LEADER'
                when username like 'bench.dispatcher.%' then 'DISPATCHER' else 'VISITOR' end
from person where username like 'bench.%';
insert into api_token (person_id, name, token_hash, created_at)
select id, 'bench', encode(sha256(convert_to('qq_bench_' || username, 'UTF8')), 'hex'), now()
from person where username like 'bench.%' and username not like 'bench.visitor.%.%' or username like 'bench.visitor.%.0';

-- Enterprises: enterprise n lies in county n % 7, in one of its towns.
insert into enterprise (credit_code, name, region_code, industry, scale, tags)
select bench_credit_code('91' || c.code || lpad(e.n::text, 9, '0')), '嘉兴测试企业' || e.n || '有限公司',
       c.code || (100 + (e.n / 7) % 10), (array['制造业', '批发零售', '信息技术', '建筑业'])[e.n % 4 + 1],
       (array['LARGE', 'MEDIUM', 'SMALL', 'MICRO'])[e.n % 4 + 1], case when e.n % 5 = 0 then '规上' end
from generate_series(1, :enterprises) e(n) join bench_county c on c.n = e.n % 7
order by e.n;

-- Working groups: ten per county, led by the county's leader, with five visiting officials each.
insert into work_group (name, leader_id, region_code, region_path, created_at)
select c.name || '工作专班' || g, l.id, c.code, '/330400/' || c.code || '/', now()
from bench_county c cross join generate_series(0, 9) g join person l on l.username = 'bench.leader.' || c.code;
insert into work_group_member (group_id, person_id)
select g.id, p.id
from work_group g join bench_county c on c.code = g.region_code
cross join generate_series(0, 4) m
join person p on p.username = 'bench.visitor.' || c.code || '.'
                              || ((substring(g.name from '(\d+)$')::int * 5 + m) % 280);

-- Links: link i ties enterprise 5i (so :links * 5 <= :enterprises) to a visiting official of its county,
-- or every tenth to one of its county's groups; 40 % monthly, 40 % quarterly, 10 % half-yearly, 10 % yearly;
-- all began last year, one in twenty ended last month.
create temporary table bench_link as
select i, e.id as enterprise_id, r.path as region_path, c.code as county,
       case when i % 10 = 0 then null else ((i / 7) % 280) end as visitor,
       case when i % 10 = 0 then (i / 70) % 10 end as grp,
       case when i % 10 < 4 then 'MONTHLY' when i % 10 < 8 then 'QUARTERLY' when i % 10 = 8 then 'HALF_YEARLY'
            else 'YEARLY' end as frequency
from generate_series(1, :links) s(i)
join enterprise e on e.credit_code = bench_credit_code('91' || (select code from bench_county where n = (5 * i) % 7)
                                                          || lpad((5 * i)::text, 9, '0'))
join region r on r.code = e.region_code
join bench_county c on c.n = (5 * i) % 7;
insert into link (person_id, group_id, target_kind, enterprise_id, region_path, frequency, starts_on, ends_on,
                  created_by, created_at)
select p.id, g.id, 'ENTERPRISE', b.enterprise_id, b.region_path, b.frequency,
       date_trunc('year', current_date)::date - interval '1 year',
       case when b.i % 20 = 7 then (date_trunc('month', current_date) - interval '1 day')::date end,
       (select id from person where username = 'bench.admin'), now()
from bench_link b
left join person p on p.username = 'bench.visitor.' || b.county || '.' || b.visitor
left join work_group g on g.name = (select name from bench_county where code = b.county) || '工作专班' || b.grp
order by b.i;

-- Visits over the last 365 days: three in five by the holder of a link to its enterprise (for a group, one
-- of its members), the others by any official to any enterprise of his county.
create temporary table bench_holder as
select l.id, l.enterprise_id, l.region_path,
       coalesce(l.person_id, (select min(m.person_id) from work_group_member m where m.group_id = l.group_id)) as visitor,
       row_number() over (order by l.id) - 1 as k
from link l;
insert into visit (client_key, visitor_id, unit_id, enterprise_id, region_path, visited_on, created_at)
select 'bench-' || v, h.visitor, p.unit_id, h.enterprise_id, h.region_path,
       current_date - ((v::bigint * 7919) % 365)::int, now()
from generate_series(1, (:visits * 3 / 5)) s(v)
join bench_holder h on h.k = v % (select count(*) from bench_holder)
join person p on p.id = h.visitor;
create temporary table bench_visitor as
select p.id, p.unit_id, substring(p.username from 'bench\.visitor\.(\d+)\.') as county,
       row_number() over (partition by substring(p.username from 'bench\.visitor\.(\d+)\.') order by p.id) - 1 as k
from person p where p.username like 'bench.visitor.%';
create temporary table bench_firm as
select e.id, r.path, substring(e.region_code from 1 for 6) as county,
       row_number() over (partition by substring(e.region_code from 1 for 6) order by e.id) - 1 as k
from enterprise e join region r on r.code = e.region_code;
create index on bench_firm (county, k);
create index on bench_visitor (county, k);
insert into visit (client_key, visitor_id, unit_id, enterprise_id, region_path, visited_on, created_at)
select 'bench-' || v, bv.id, bv.unit_id, f.id, f.path, current_date - ((v::bigint * 104729) % 365)::int, now()
from generate_series((:visits * 3 / 5) + 1, :visits) s(v)
join bench_county c on c.n = v % 7
join bench_visitor bv on bv.county = c.code and bv.k = (v / 7) % 280
join bench_firm f on f.county = c.code and f.k = (v / 7) % (:enterprises / 7);

-- Vacuumed as autovacuum would have done by now, so that the index-only scans need not visit the heap.
vacuum analyze;
select (select count(*) from enterprise) as enterprises, (select count(*) from link) as links,
       (select count(*) from visit) as visits, (select count(*) from work_group) as groups;
