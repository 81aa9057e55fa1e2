-- The bare SQL behind one coverage page of the city for this month: Coverage's per-link query (each link
-- against each of its frequency's windows that overlap the month, one index probe each, and whether it was
-- visited in the month), returning its 20,000 rows as the application fetches them. The windows are written
-- as date expressions instead of bound parameters.
with w as (
  select cast('MONTHLY' as varchar(12)) as frequency, date_trunc('month', current_date)::date as ws,
         (date_trunc('month', current_date) + interval '1 month - 1 day')::date as we, 0 as closed
  union all select 'QUARTERLY', date_trunc('quarter', current_date)::date,
         (date_trunc('quarter', current_date) + interval '3 months - 1 day')::date, 0
  union all select 'HALF_YEARLY', make_date(extract(year from current_date)::int, case when extract(month from current_date) <= 6 then 1 else 7 end, 1),
         (make_date(extract(year from current_date)::int, case when extract(month from current_date) <= 6 then 1 else 7 end, 1) + interval '6 months - 1 day')::date, 0
  union all select 'YEARLY', date_trunc('year', current_date)::date, (date_trunc('year', current_date) + interval '1 year - 1 day')::date, 0
), lw as (
  select l.id, l.enterprise_id, l.person_id, l.group_id, l.region_path, g.leader_id, w.closed, w.ws, w.we,
         greatest(l.starts_on, w.ws) as s, least(coalesce(l.ends_on, w.we), w.we) as e
  from link l
  join w on w.frequency = l.frequency and l.starts_on <= w.we and (l.ends_on is null or l.ends_on >= w.ws)
  left join work_group g on g.id = l.group_id
  where l.target_kind = 'ENTERPRISE' and l.region_path like '/330400/%' and l.region_path like '/330400/%'
), lwh as (
  select lw.*, case when exists (select 1 from visit v where v.enterprise_id = lw.enterprise_id
                                 and v.visitor_id = coalesce(lw.person_id, lw.leader_id) and v.visited_on between lw.s and lw.e)
                      or lw.group_id is not null and exists (select 1 from work_group_member wm join visit v
                                 on v.enterprise_id = lw.enterprise_id and v.visitor_id = wm.person_id
                                 and v.visited_on between lw.s and lw.e where wm.group_id = lw.group_id)
                    then 1 else 0 end as hit
  from lw
), st as (
  select id, enterprise_id, person_id, group_id, leader_id, region_path, count(*) as due, sum(hit) as visited,
         sum(case when closed = 1 and hit = 0 then 1 else 0 end) as missed, min(s) as s, max(e) as e,
         max(case when ws = date_trunc('month', current_date)::date
                   and we = (date_trunc('month', current_date) + interval '1 month - 1 day')::date then hit else -1 end) as period_hit
  from lwh group by id, enterprise_id, person_id, group_id, leader_id, region_path
)
select st.id, st.enterprise_id, st.region_path, coalesce(st.person_id, st.leader_id) as responsible,
       st.due, st.visited, st.missed, st.s, st.e,
       case when st.period_hit >= 0 then st.period_hit
            when exists (select 1 from visit v where v.enterprise_id = st.enterprise_id
                         and v.visitor_id = coalesce(st.person_id, st.leader_id)
                         and v.visited_on between greatest(st.s, date_trunc('month', current_date)::date)
                                              and least(st.e, (date_trunc('month', current_date) + interval '1 month - 1 day')::date))
              or st.group_id is not null and exists (select 1 from work_group_member wm join visit v
                         on v.enterprise_id = st.enterprise_id and v.visitor_id = wm.person_id
                         and v.visited_on between greatest(st.s, date_trunc('month', current_date)::date)
                                              and least(st.e, (date_trunc('month', current_date) + interval '1 month - 1 day')::date)
                         where wm.group_id = st.group_id)
            then 1 else 0 end as period_visited
from st;
