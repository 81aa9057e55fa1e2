-- The people and notices of the desk benchmarks (bench/run.sh desk), added to a generated bench
-- database; run again, it changes nothing.
--   * bench.supervisor.city: a supervisor of the whole city (jurisdiction 330400, unit B-JX), token
--     qq_bench_bench.supervisor.city, password bench;
--   * 100,000 inbox entries (threads of a case and topic) of bench.dispatcher.330421, one a case of
--     his county, newest first over the last 400 days, every fifth unread: the inbox of a person
--     who has worked there for years and read most of what he got.
\set ON_ERROR_STOP on
\timing on

insert into person (username, display_name, password_hash, unit_id, jurisdiction_code)
select 'bench.supervisor.city', '嘉兴市督查员', '{noop}bench', u.id, '330400'
from unit u where u.code = 'B-JX'
  and not exists (select 1 from person where username = 'bench.supervisor.city');
insert into person_role (person_id, role)
select id, 'SUPERVISOR' from person p where username = 'bench.supervisor.city'
  and not exists (select 1 from person_role r where r.person_id = p.id);
insert into api_token (person_id, name, token_hash, created_at)
select id, 'bench', encode(sha256(convert_to('qq_bench_' || username, 'UTF8')), 'hex'), now()
from person p where username = 'bench.supervisor.city'
  and not exists (select 1 from api_token t where t.person_id = p.id);

insert into notification (notice_key, person_id, case_id, topic, subject, body, link, repeats, created_at,
                          updated_at, read_at)
select 'case:' || c.id || ':bench', d.id, c.id,
       (array['URGING', 'OVERDUE_NOTICE', 'DEADLINE', 'ASSIGNED', 'SUPERVISION_ORDER'])[1 + n % 5],
       '【催办】' || c.number || ' ' || c.title, '请尽快受理分拨。', '/cases/' || c.id, 1 + n % 3,
       now() - make_interval(mins => (n * 6)::int), now() - make_interval(mins => (n * 6)::int),
       case when n % 5 = 0 then null else now() - make_interval(mins => (n * 6 - 1)::int) end
from (select c.id, c.number, c.title, row_number() over (order by c.id) as n
      from cases c where c.region_path like '/330400/330421/%' order by c.id limit 100000) c
cross join person d
where d.username = 'bench.dispatcher.330421'
  and not exists (select 1 from notification x where x.person_id = d.id and x.notice_key like 'case:%:bench');
analyze notification;
select count(*) as notices, count(*) filter (where read_at is null) as unread from notification
where person_id = (select id from person where username = 'bench.dispatcher.330421');
