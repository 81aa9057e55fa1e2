-- A new version of the assessment formula (docs/assessment.md) that deducts written criticisms
-- (书面通报, the statistics' measure CRITICISED): 3 points each, at most 15 in a month. Every other
-- weight and deduction is copied from the version in force at the latest month any version takes
-- effect, so the new version changes nothing else. It takes effect from January 2027, or from the
-- month after the last frozen one if that is later, or from the latest version's month if that is
-- later still: a frozen month keeps the formula it was frozen with, and so does its recomputation.
insert into assessment_formula (version, valid_from, note, created_by, created_at)
select max(version) + 1,
       greatest(date '2027-01-01', max(valid_from),
                coalesce(cast((select max(month_start) from assessment_month) + interval '1' month as date),
                         date '2027-01-01')),
       '书面通报扣分：每次书面通报扣 3 分，每月最多扣 15 分', null, current_timestamp
from assessment_formula;

-- the version it copies: the latest of those in force from the latest month
create table assessment_formula_copy (source integer not null, target integer not null);
insert into assessment_formula_copy (source, target)
select max(f.version), (select max(version) from assessment_formula)
from assessment_formula f
where f.version < (select max(version) from assessment_formula)
  and f.valid_from = (select max(g.valid_from) from assessment_formula g
                      where g.version < (select max(version) from assessment_formula));

insert into assessment_weight (version, indicator, weight)
select c.target, w.indicator, w.weight
from assessment_weight w join assessment_formula_copy c on w.version = c.source;

insert into assessment_deduction (version, measure, less_measure, points, cap)
select c.target, d.measure, d.less_measure, d.points, d.cap
from assessment_deduction d join assessment_formula_copy c on d.version = c.source
where not (d.measure = 'CRITICISED' and d.less_measure = '');

insert into assessment_deduction (version, measure, less_measure, points, cap)
select target, 'CRITICISED', '', 3, 15 from assessment_formula_copy;

drop table assessment_formula_copy;

-- Evaluation campaigns (评议, docs/evaluation.md) may open on a later day, be edited until then,
-- and be closed before their last day with a reason. A campaign without opens_on opened when it
-- was created (those made before this migration).
alter table eval_campaign add column opens_on date;
alter table eval_campaign add column closed_at timestamp with time zone;
alter table eval_campaign add column closed_by bigint;
alter table eval_campaign add column close_reason varchar(500);
