-- The setting of the import benchmark, in a database the application's Flyway migrations made:
-- the regions of the demonstration (the city, its seven counties and their towns) and the city's
-- administrator bench.admin, API token qq_bench_bench.admin, who may import into all of them.
\set ON_ERROR_STOP on

insert into region (code, name, level, parent_code, path) values ('330400', '嘉兴市', 'CITY', null, '/330400/');
insert into region (code, name, level, parent_code, path)
select code, name, 'COUNTY', '330400', '/330400/' || code || '/'
from (values ('330402', '南湖区'), ('330411', '秀洲区'), ('330421', '嘉善县'), ('330424', '海盐县'),
             ('330481', '海宁市'), ('330482', '平湖市'), ('330483', '桐乡市')) c(code, name);
insert into region (code, name, level, parent_code, path)
select code, '第' || code || '镇', 'TOWN', substr(code, 1, 6), '/330400/' || substr(code, 1, 6) || '/' || code || '/'
from (values ('330402001'), ('330402002'), ('330402100'), ('330411001'), ('330411100'), ('330411101'),
             ('330421001'), ('330421002'), ('330421100'), ('330421101'), ('330424001'), ('330424100'),
             ('330424101'), ('330481001'), ('330481100'), ('330481101'), ('330482001'), ('330482100'),
             ('330482101'), ('330483001'), ('330483100'), ('330483101')) t(code);

insert into unit (code, name, kind, region_code) values ('B-JX', '嘉兴市企业服务中心', 'SERVICE_CENTRE', '330400');
insert into person (username, display_name, password_hash, unit_id, jurisdiction_code)
select 'bench.admin', '嘉兴市管理员', '{noop}bench', id, '330400' from unit where code = 'B-JX';
insert into person_role (person_id, role) select id, 'ADMIN' from person where username = 'bench.admin';
insert into api_token (person_id, name, token_hash, created_at)
select id, 'bench', encode(sha256(convert_to('qq_bench_' || username, 'UTF8')), 'hex'), now()
from person where username = 'bench.admin';

-- The officials who made the imported visits and hold the imported links: bench.visitor.0 to 9.
insert into person (username, display_name, password_hash, unit_id, jurisdiction_code)
select 'bench.visitor.' || n, '走访干部' || n, '{noop}bench', (select id from unit where code = 'B-JX'), '330400'
from (values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) v (n);
insert into person_role (person_id, role) select id, 'VISITOR' from person where username like 'bench.visitor.%';
