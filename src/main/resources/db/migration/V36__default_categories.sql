-- The default category tree of a new install (docs/administration.md#categories): the usual
-- headings of enterprise requests on 12345 and the enterprise service platforms (政策咨询, 审批服务,
-- 要素保障, 市场监管, 税费政策, 法律服务, 基础设施, …). Added only to a database that has no
-- category yet besides the service visits' own, so an install that made its own keeps it; the
-- administrators of the top-level region rename, move or retire them like any other.
create table default_category_seed (
    code        varchar(40)  not null,
    name        varchar(100) not null,
    name_en     varchar(100) not null,
    parent_code varchar(40),
    resolve_days integer     not null,
    position    integer      not null
);
insert into default_category_seed (code, name, name_en, parent_code, resolve_days, position) values
('STD-POLICY', '政策咨询', 'Policy enquiries', null, 5, 1),
('STD-POLICY-READ', '惠企政策解读', 'Explaining support policies', 'STD-POLICY', 5, 2),
('STD-POLICY-FUND', '政策兑现与资金申报', 'Policy payments and subsidies', 'STD-POLICY', 10, 3),
('STD-APPROVAL', '审批服务', 'Approvals', null, 10, 4),
('STD-APPROVAL-PROJECT', '项目审批', 'Project approval', 'STD-APPROVAL', 10, 5),
('STD-APPROVAL-LICENCE', '证照办理', 'Licences and permits', 'STD-APPROVAL', 5, 6),
('STD-APPROVAL-ACCEPT', '竣工验收', 'Completion acceptance', 'STD-APPROVAL', 10, 7),
('STD-FACTOR', '要素保障', 'Production factors', null, 10, 8),
('STD-FACTOR-LAND', '用地', 'Land', 'STD-FACTOR', 15, 9),
('STD-FACTOR-LABOUR', '用工', 'Labour and talent', 'STD-FACTOR', 10, 10),
('STD-FACTOR-FINANCE', '融资', 'Finance and credit', 'STD-FACTOR', 10, 11),
('STD-FACTOR-ENERGY', '用能', 'Electricity, water, gas', 'STD-FACTOR', 10, 12),
('STD-MARKET', '市场监管', 'Market regulation', null, 7, 13),
('STD-MARKET-FAIR', '公平竞争', 'Fair competition', 'STD-MARKET', 10, 14),
('STD-MARKET-QUALITY', '质量标准与认证', 'Quality, standards, certification', 'STD-MARKET', 7, 15),
('STD-MARKET-IP', '知识产权', 'Intellectual property', 'STD-MARKET', 10, 16),
('STD-TAX', '税费政策', 'Taxes and fees', null, 5, 17),
('STD-TAX-RELIEF', '减税降费与退税', 'Tax relief and refunds', 'STD-TAX', 5, 18),
('STD-TAX-FEES', '涉企收费', 'Charges on enterprises', 'STD-TAX', 7, 19),
('STD-LEGAL', '法律服务', 'Legal services', null, 10, 20),
('STD-LEGAL-DISPUTE', '商事纠纷', 'Commercial disputes', 'STD-LEGAL', 15, 21),
('STD-LEGAL-ENFORCE', '执法检查', 'Inspections and enforcement', 'STD-LEGAL', 10, 22),
('STD-INFRA', '基础设施', 'Infrastructure', null, 15, 23),
('STD-INFRA-TRAFFIC', '道路交通与物流', 'Roads, traffic, logistics', 'STD-INFRA', 15, 24),
('STD-INFRA-NETWORK', '通信网络', 'Telecommunications', 'STD-INFRA', 10, 25),
('STD-INFRA-PARK', '园区配套', 'Industrial park services', 'STD-INFRA', 15, 26),
('STD-INNOVATION', '科技创新', 'Technology and innovation', null, 10, 27),
('STD-TRADE', '外贸外资', 'Foreign trade and investment', null, 7, 28),
('STD-OTHER', '其他', 'Other', null, 7, 29);

insert into case_category (code, name, name_en, resolve_days)
select s.code, s.name, s.name_en, s.resolve_days from default_category_seed s
where s.parent_code is null
  and not exists (select 1 from case_category c where c.code <> 'HELP_VISIT')
order by s.position;

insert into case_category (code, name, name_en, parent_id, resolve_days)
select s.code, s.name, s.name_en, p.id, s.resolve_days from default_category_seed s
join case_category p on p.code = s.parent_code
where not exists (select 1 from case_category c where c.code = s.code)
order by s.position;

drop table default_category_seed;

-- Service visits have their English name too.
update case_category set name_en = 'Service visits' where code = 'HELP_VISIT';
