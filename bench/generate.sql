-- Generates a city's worth of data for the benchmarks, set-based, in the schema the application's
-- Flyway migrations made: regions, units, bench people with API tokens, enterprises with valid
-- credit codes, and :cases cases in every state with their full, hash-chained histories, exactly
-- as the application chains them (CaseEvent.hashOf), so --verify-history passes on them.
--
--   psql -v cases=1000000 -v enterprises=100000 -f bench/generate.sql
--
-- With -v shape=province, a province over a decade instead (bench/run.sh: BENCH_SHAPE=province): the
-- province 330000 above eleven cities of seven counties each (嘉兴 with its own seven, the others with
-- made-up codes), the cases filed one after another over ten years (case 1 the oldest), and two more
-- people: the province's leader bench.leader.330000 and its administrator bench.admin.330000.
--
-- In parts, for several sessions at once (bench/run.sh: BENCH_SESSIONS): -v part=setup (everything but
-- the cases), then -v part=cases -v first=F -v last=L in each session for its range of cases, then
-- -v part=finish. The default, part=all, is the three in one session. Each session writes its cases and
-- their events a chunk at a time (-v chunk=N, 100,000 cases), each chunk committed: its temporary tables
-- never hold more than a chunk (the whole range's 48 million events at once filled the disk).
--
-- API tokens: qq_bench_<username>, e.g. qq_bench_bench.dispatcher.330421.
\set ON_ERROR_STOP on
\timing on
\if :{?shape}
\else
\set shape city
\endif
\if :{?part}
\else
\set part all
\endif
\if :{?first}
\else
\set first 1
\endif
\if :{?last}
\else
\set last :cases
\endif
select :'part' in ('all', 'setup') as setup, :'part' in ('all', 'cases') as cases_part,
       :'part' in ('all', 'finish') as finish \gset
\if :setup

-- The GB 32100-2015 check character of the first 17 characters of a credit code.
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

-- Regions: the city, its seven counties, ten towns each (a province: eleven such cities under it).
create unlogged table bench_city (code text primary key, name text, unit text, path text);
insert into bench_city values ('330400', '嘉兴市', 'B-JX', '/330400/');
create unlogged table bench_county (n int primary key, code text, name text, city text);
insert into bench_county values (0, '330402', '南湖区', '330400'), (1, '330411', '秀洲区', '330400'),
    (2, '330421', '嘉善县', '330400'), (3, '330424', '海盐县', '330400'), (4, '330481', '海宁市', '330400'),
    (5, '330482', '平湖市', '330400'), (6, '330483', '桐乡市', '330400');
select :'shape' = 'province' as province \gset
\if :province
insert into region (code, name, level, parent_code, path) values ('330000', '浙江省', 'PROVINCE', null, '/330000/');
insert into unit (code, name, kind, region_code) values ('B-ZJ', '浙江省企业服务中心', 'SERVICE_CENTRE', '330000');
update bench_city set path = '/330000/330400/';
insert into bench_city
select code, name, 'B-' || code, '/330000/' || code || '/'
from (values ('330100', '杭州市'), ('330200', '宁波市'), ('330300', '温州市'), ('330500', '湖州市'), ('330600', '绍兴市'),
             ('330700', '金华市'), ('330800', '衢州市'), ('330900', '舟山市'), ('331000', '台州市'), ('331100', '丽水市')) c(code, name);
insert into bench_county
select 7 * (dense_rank() over (order by c.code))::int + k, substr(c.code, 1, 4) || (array['02', '03', '04', '21', '22', '81', '82'])[k + 1],
       c.name || '第' || (k + 1) || '县', c.code
from bench_city c cross join generate_series(0, 6) k where c.code <> '330400';
\endif
insert into region (code, name, level, parent_code, path)
select code, name, 'CITY', case when path = '/330400/' then null else '330000' end, path from bench_city;
insert into region (code, name, level, parent_code, path)
select c.code, c.name, 'COUNTY', c.city, y.path || c.code || '/' from bench_county c join bench_city y on y.code = c.city;
insert into region (code, name, level, parent_code, path)
select c.code || (100 + t), c.name || '第' || t || '镇', 'TOWN', c.code, y.path || c.code || '/' || c.code || (100 + t) || '/'
from bench_county c join bench_city y on y.code = c.city cross join generate_series(0, 9) t;
select count(*) as counties from bench_county \gset

-- Units: a service centre per county under its city's, four departments under each centre.
insert into unit (code, name, kind, region_code, superior_id)
select y.unit, y.name || '企业服务中心', 'SERVICE_CENTRE', y.code, (select id from unit where code = 'B-ZJ')
from bench_city y order by y.code = '330400' desc, y.code;
insert into unit (code, name, kind, region_code, superior_id)
select 'B-' || c.code, c.name || '企业服务中心', 'SERVICE_CENTRE', c.code, (select id from unit u where u.code = y.unit)
from bench_county c join bench_city y on y.code = c.city order by c.n;
insert into unit (code, name, kind, region_code, superior_id)
select 'B-' || c.code || '-' || d, c.name || (array['经信局', '自规局', '商务局', '人社局'])[d + 1], 'DEPARTMENT', c.code,
       (select id from unit where code = 'B-' || c.code)
from bench_county c cross join generate_series(0, 3) d;

-- People: a dispatcher and a supervisor per county, a handler per department; the password is 'bench'.
insert into person (username, display_name, password_hash, unit_id, jurisdiction_code)
select 'bench.dispatcher.' || c.code, c.name || '受理员', '{noop}bench', u.id, c.code
from bench_county c join unit u on u.code = 'B-' || c.code;
insert into person (username, display_name, password_hash, unit_id, jurisdiction_code)
select 'bench.supervisor.' || c.code, c.name || '督查员', '{noop}bench', u.id, c.code
from bench_county c join unit u on u.code = 'B-' || c.code;
insert into person (username, display_name, password_hash, unit_id)
select 'bench.handler.' || u.code, u.name || '承办人', '{noop}bench', u.id from unit u where u.kind = 'DEPARTMENT';
-- The province's leader (its dashboard) and administrator (the assessment's freeze).
insert into person (username, display_name, password_hash, unit_id, jurisdiction_code)
select 'bench.' || r || '.330000', '浙江省' || n, '{noop}bench', u.id, '330000'
from unit u cross join (values ('leader', '领导'), ('admin', '管理员')) p(r, n) where u.code = 'B-ZJ';
insert into person_role (person_id, role)
select id, case when username like 'bench.dispatcher.%' then 'DISPATCHER'
                when username like 'bench.supervisor.%' then 'SUPERVISOR'
                when username like 'bench.leader.%' then 'LEADER'
                when username like 'bench.admin.%' then 'ADMIN' else 'HANDLER' end
from person where username like 'bench.%';
insert into api_token (person_id, name, token_hash, created_at)
select id, 'bench', encode(sha256(convert_to('qq_bench_' || username, 'UTF8')), 'hex'), now()
from person where username like 'bench.%';

insert into case_category (code, name, default_unit_id, resolve_days)
select 'B-' || k, (array['惠企政策兑现', '用地用电', '融资贷款', '用工招聘', '审批服务'])[k + 1],
       (select id from unit where code = 'B-330421-' || (k % 4)), 5
from generate_series(0, 4) k;

-- Enterprises: enterprise n lies in county n % 7 (of the counties), in one of its towns.
insert into enterprise (credit_code, name, region_code, industry, scale)
select bench_credit_code('91' || c.code || lpad(e.n::text, 9, '0')), '嘉兴测试企业' || e.n || '有限公司',
       c.code || (100 + (e.n / :counties) % 10), '制造业', 'SMALL'
from generate_series(1, :enterprises) e(n) join bench_county c on c.n = e.n % :counties
order by e.n;

-- The steps that bring a case to each state, with who takes them (D dispatcher, H handler, E enterprise
-- contact) and whether the enterprise sees them: the workflow's own rows.
create unlogged table bench_step (final text, seq int, action text, from_state text, to_state text, party char,
                                   visible boolean, primary key (final, seq));
insert into bench_step values
    ('SUBMITTED', 1, 'SUBMIT', null, 'SUBMITTED', 'D', true),
    ('DECLINED', 1, 'SUBMIT', null, 'SUBMITTED', 'D', true), ('DECLINED', 2, 'DECLINE', 'SUBMITTED', 'DECLINED', 'D', true),
    ('ACCEPTED', 1, 'SUBMIT', null, 'SUBMITTED', 'D', true), ('ACCEPTED', 2, 'ACCEPT', 'SUBMITTED', 'ACCEPTED', 'D', true),
    ('ASSIGNED', 1, 'SUBMIT', null, 'SUBMITTED', 'D', true), ('ASSIGNED', 2, 'ACCEPT', 'SUBMITTED', 'ACCEPTED', 'D', true),
    ('ASSIGNED', 3, 'ASSIGN', 'ACCEPTED', 'ASSIGNED', 'D', true),
    ('IN_PROGRESS', 1, 'SUBMIT', null, 'SUBMITTED', 'D', true), ('IN_PROGRESS', 2, 'ACCEPT', 'SUBMITTED', 'ACCEPTED', 'D', true),
    ('IN_PROGRESS', 3, 'ASSIGN', 'ACCEPTED', 'ASSIGNED', 'D', true), ('IN_PROGRESS', 4, 'CONTACT', 'ASSIGNED', 'IN_PROGRESS', 'H', true),
    ('IN_PROGRESS', 5, 'STAGE_REPLY', 'IN_PROGRESS', 'IN_PROGRESS', 'H', true),
    ('RESOLVED', 1, 'SUBMIT', null, 'SUBMITTED', 'D', true), ('RESOLVED', 2, 'ACCEPT', 'SUBMITTED', 'ACCEPTED', 'D', true),
    ('RESOLVED', 3, 'ASSIGN', 'ACCEPTED', 'ASSIGNED', 'D', true), ('RESOLVED', 4, 'CONTACT', 'ASSIGNED', 'IN_PROGRESS', 'H', true),
    ('RESOLVED', 5, 'STAGE_REPLY', 'IN_PROGRESS', 'IN_PROGRESS', 'H', true), ('RESOLVED', 6, 'RESOLVE', 'IN_PROGRESS', 'RESOLVED', 'H', true),
    ('CLOSED', 1, 'SUBMIT', null, 'SUBMITTED', 'D', true), ('CLOSED', 2, 'ACCEPT', 'SUBMITTED', 'ACCEPTED', 'D', true),
    ('CLOSED', 3, 'ASSIGN', 'ACCEPTED', 'ASSIGNED', 'D', true), ('CLOSED', 4, 'CONTACT', 'ASSIGNED', 'IN_PROGRESS', 'H', true),
    ('CLOSED', 5, 'STAGE_REPLY', 'IN_PROGRESS', 'IN_PROGRESS', 'H', true), ('CLOSED', 6, 'RESOLVE', 'IN_PROGRESS', 'RESOLVED', 'H', true),
    ('CLOSED', 7, 'RATE', 'RESOLVED', 'CLOSED', 'D', true); -- rated on the enterprise's behalf: the bench has no contacts

create or replace function bench_hash(prev text, number text, seq int, action text, actor bigint, unit bigint,
                                      at timestamptz, from_state text, to_state text, note text) returns text
language sql immutable as $$
    select encode(sha256(convert_to(concat_ws(E'\n', prev, number, seq::text, action, actor::text,
        coalesce(unit::text, ''), (extract(epoch from at) * 1000)::bigint::text, coalesce(from_state, ''), to_state,
        coalesce(note, ''), ''), 'UTF8')), 'hex')
$$;
-- The cases first..last, chunk cases at a time, each chunk committed before the next (so that no session
-- holds more than a chunk's rows in temporary tables: a decade of a province's events, 48 million rows,
-- filled the disk that way). Case g lies in county g % counties, is about one of its enterprises, is led by
-- one of its departments, and ends in a state picked by g % 100. A city's were filed over the last 278
-- days; a province's one after another over ten years. The chunks go in order and each writes its cases
-- and then its events in order (g, seq): one session gives the events the same ids as one statement for
-- the whole range did.
create or replace procedure bench_cases(p_first int, p_last int, p_cases int, p_enterprises int, p_shape text, p_chunk int)
language plpgsql as $$
declare
    v_counties int := (select count(*) from bench_county);
    lo int := p_first;
    hi int;
    step int;
begin
    create temporary table bench_case (g int, county text, number text, state text, created_at timestamptz, dept int,
                                       firm int, last_hash text, prev_hash text, event_count int);
    create temporary table bench_event (g bigint, seq int, action text, actor bigint, unit bigint, at timestamptz,
                                        from_state text, to_state text, visible boolean, prev_hash text, hash text);
    create temporary table bench_actor as
    select c.code as county, d.id as dispatcher, h.id as handler, h.unit_id as handler_unit, d.unit_id as dispatcher_unit,
           dept.n as dept
    from bench_county c
    join person d on d.username = 'bench.dispatcher.' || c.code
    cross join generate_series(0, 3) dept(n)
    join person h on h.username = 'bench.handler.B-' || c.code || '-' || dept.n;
    while lo <= p_last loop
        hi := least(lo + p_chunk - 1, p_last);
        truncate bench_case, bench_event;
        insert into bench_case
        select g, c.code as county,
               'QQ-2026-' || c.code || '-' || lpad(g::text, greatest(6, length(g::text)), '0') as number,
               case when g % 100 < 10 then 'SUBMITTED' when g % 100 < 14 then 'DECLINED' when g % 100 < 22 then 'ACCEPTED'
                    when g % 100 < 32 then 'ASSIGNED' when g % 100 < 55 then 'IN_PROGRESS' when g % 100 < 70 then 'RESOLVED'
                    else 'CLOSED' end as state,
               date_trunc('second', now() - case when p_shape = 'province'
                   then make_interval(secs => (p_cases - g) * (3652.0 * 86400 / p_cases))
                   else make_interval(mins => (g % 400000)::int) end) - interval '1 day' as created_at,
               ((g / v_counties) % 4) as dept,
               -- an enterprise n of the same county (n % counties = g % counties)
               coalesce(nullif(((g / v_counties) % (p_enterprises / v_counties)) * v_counties + c.n, 0), v_counties) as firm,
               repeat('0', 64) as last_hash, repeat('0', 64) as prev_hash, 0 as event_count
        from generate_series(lo, hi) s(g) join bench_county c on c.n = s.g % v_counties;
        analyze bench_case;

        -- The histories, one step number at a time: each event's hash covers its predecessor's, exactly as
        -- CaseEvent.hashOf computes it.
        for step in 1..7 loop
            with moved as (
                update bench_case b
                set prev_hash = b.last_hash,
                    last_hash = bench_hash(b.last_hash, b.number, s.seq, s.action, a.actor, a.unit,
                                           b.created_at + (s.seq - 1) * interval '1 hour', s.from_state, s.to_state,
                                           s.action || ' by bench'),
                    event_count = s.seq
                from bench_step s, bench_actor ba,
                     lateral (select case when s.party = 'H' then ba.handler else ba.dispatcher end as actor,
                                     case when s.party = 'H' then ba.handler_unit else ba.dispatcher_unit end as unit) a
                where s.final = b.state and s.seq = step and ba.county = b.county and ba.dept = b.dept
                returning b.g, s.seq, s.action, a.actor, a.unit, b.created_at + (s.seq - 1) * interval '1 hour' as at,
                          s.from_state, s.to_state, s.visible, b.prev_hash, b.last_hash)
            insert into bench_event select * from moved;
        end loop;

        insert into cases (id, number, kind, channel, state, category_id, enterprise_id, region_code, region_path, title,
                           description, submitted_by, lead_unit_id, due_date, outcome, answer, rating, created_at, updated_at,
                           last_hash, event_count, version, assigned_at, limit_at, yellow_at, time_state, limit_cycle)
        select b.g, b.number, 'ENTERPRISE_REQUEST', 'HOTLINE', b.state, (select min(id) from case_category) + b.g % 5,
               (select min(id) - 1 from enterprise) + b.firm,
               t.code, t.path, '企业诉求 ' || b.g, '批量生成的基准测试诉求，编号 ' || b.g || '。', d.id,
               case when b.state in ('SUBMITTED', 'DECLINED', 'ACCEPTED') then null else u.id end,
               case when b.state in ('SUBMITTED', 'DECLINED', 'ACCEPTED') then null else (b.created_at + interval '7 days')::date end,
               case when b.state in ('RESOLVED', 'CLOSED') then 'SOLVED' end,
               case when b.state in ('RESOLVED', 'CLOSED') then '已协调解决。' end,
               case when b.state = 'CLOSED' then 'SATISFIED' end,
               b.created_at, b.created_at + (b.event_count - 1) * interval '1 hour', b.last_hash, b.event_count, 0,
               case when b.state in ('SUBMITTED', 'DECLINED', 'ACCEPTED') then null else b.created_at + interval '2 hours' end,
               l.limit_at, l.yellow_at,
               case when l.limit_at <= now() then 'RED' when l.yellow_at <= now() then 'YELLOW' when l.limit_at is not null then 'ON_TIME' end,
               case when b.state = 'SUBMITTED' then 1 when b.state in ('DECLINED', 'ACCEPTED') then 1 else 2 end
        from bench_case b
        cross join lateral (
            select case when b.state in ('ASSIGNED', 'IN_PROGRESS') then b.created_at + interval '7 days 8 hours'
                        when b.state in ('SUBMITTED', 'ACCEPTED') then b.created_at + interval '4 hours' end as limit_at,
                   case when b.state in ('ASSIGNED', 'IN_PROGRESS') then b.created_at + interval '3 days 8 hours'
                        when b.state in ('SUBMITTED', 'ACCEPTED') then b.created_at + interval '2 hours' end as yellow_at) l
        join region t on t.code = b.county || (100 + (b.g / v_counties) % 10)
        join person d on d.username = 'bench.dispatcher.' || b.county
        join unit u on u.code = 'B-' || b.county || '-' || b.dept
        order by b.g;

        insert into case_event (case_id, seq, action, actor_id, actor_unit_id, at, from_state, to_state, note,
                                visible_to_enterprise, prev_hash, hash)
        select g, seq, action, actor, unit, at, from_state, to_state, action || ' by bench', visible, prev_hash, hash
        from bench_event order by g, seq;
        commit;
        raise notice '% cases % to % written (% events), %', to_char(clock_timestamp(), 'HH24:MI:SS'), lo, hi,
            (select count(*) from bench_event), p_last - hi || ' to go';
        lo := hi + 1;
    end loop;
    drop table bench_case, bench_event, bench_actor;
end $$;
alter sequence cases_id_seq restart with 1;
\endif
select count(*) as counties from bench_county \gset

\if :cases_part
-- The cases of this session's range, a chunk at a time (bench_cases, above): -v chunk=N cases a chunk
-- (100,000). Their rows are built in temporary tables first and written once each: updating a million
-- indexed rows afterwards costs more than all the rest.
\if :{?chunk}
\else
\set chunk 100000
\endif
set work_mem = '256MB';
set temp_buffers = '256MB';
-- Written without the foreign-key triggers (consistent by construction): a bench shortcut that needs a
-- superuser, never used by the application.
set session_replication_role = replica;
call bench_cases(:first, :last, :cases, :enterprises, :'shape', :chunk);
set session_replication_role = origin;
\endif

\if :finish
select setval('cases_id_seq', :cases);
-- The next case filed is numbered :cases + 1; every number up to :cases has its case (the verifier
-- checks them all).
select setval('case_number_seq', :cases);
update case_numbering set numbered_after = 0;
drop table bench_city, bench_county, bench_step;
drop procedure bench_cases;
drop function bench_hash;
drop function bench_credit_code;
analyze;
\endif
