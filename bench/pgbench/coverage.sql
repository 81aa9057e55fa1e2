-- The bare SQL behind one coverage page of the city for this month (Coverage.PER_LINK with the
-- tally, the first 100 unvisited links and the rows by county), with the windows of each frequency
-- written as date expressions: the baseline the HTTP figures are compared with.
with f(frequency, m, ws) as (
  values ('MONTHLY', 1, date_trunc('month', current_date)::date),
         ('QUARTERLY', 3, date_trunc('quarter', current_date)::date),
         ('HALF_YEARLY', 6, make_date(extract(year from current_date)::int, case when extract(month from current_date) <= 6 then 1 else 7 end, 1)),
         ('YEARLY', 12, date_trunc('year', current_date)::date)
), w as (
  select frequency, m, ws, (ws + make_interval(months => m) - interval '1 day')::date as we,
         floor((extract(year from current_date) * 12 + extract(month from current_date) - 1) / m) as tidx from f
), lk as (
  select l.id, l.enterprise_id, l.person_id, l.group_id, l.region_path, g.leader_id,
         coalesce(l.person_id, g.leader_id) as responsible, w.m,
         greatest(l.starts_on, w.ws) as s, least(coalesce(l.ends_on, w.we), w.we) as e,
         greatest(l.starts_on, date_trunc('month', current_date)::date) as ps,
         least(coalesce(l.ends_on, (date_trunc('month', current_date) + interval '1 month - 1 day')::date),
               (date_trunc('month', current_date) + interval '1 month - 1 day')::date) as pe,
         w.ws as cur, w.tidx
  from link l join w on w.frequency = l.frequency left join work_group g on g.id = l.group_id
  where l.target_kind = 'ENTERPRISE' and l.region_path like '/330400/%' and l.region_path like '/330400/%'
    and l.starts_on <= w.we and (l.ends_on is null or l.ends_on >= w.ws)
), seen as (
  select lk.id, lk.enterprise_id, lk.person_id, lk.group_id, lk.responsible, lk.region_path, lk.s, lk.e,
         floor((extract(year from lk.e) * 12 + extract(month from lk.e) - 1) / lk.m)
           - floor((extract(year from lk.s) * 12 + extract(month from lk.s) - 1) / lk.m) + 1 as due,
         greatest(0, least(floor((extract(year from lk.e) * 12 + extract(month from lk.e) - 1) / lk.m), lk.tidx - 1)
           - floor((extract(year from lk.s) * 12 + extract(month from lk.s) - 1) / lk.m) + 1) as closed,
         count(distinct floor((extract(year from v.visited_on) * 12 + extract(month from v.visited_on) - 1) / lk.m)) as visited_windows,
         max(case when v.visited_on >= lk.cur then 1 else 0 end) as current_visited,
         sum(case when v.visited_on between lk.ps and lk.pe then 1 else 0 end) as period_visits,
         max(v.visited_on) as last_visit
  from lk left join visit v on v.enterprise_id = lk.enterprise_id and v.visited_on between lk.s and lk.e
       and (v.visitor_id = lk.person_id or v.visitor_id = lk.leader_id
            or v.visitor_id in (select wm.person_id from work_group_member wm where wm.group_id = lk.group_id))
  group by lk.id, lk.enterprise_id, lk.person_id, lk.group_id, lk.responsible, lk.region_path, lk.s, lk.e, lk.m, lk.tidx, lk.cur
), st as (
  select seen.*, case when visited_windows >= due then 'MET' when visited_windows - current_visited < closed then 'BEHIND'
                      else 'PENDING' end as state
  from seen
)
select count(*), count(distinct st.enterprise_id),
       count(distinct case when st.period_visits > 0 then st.enterprise_id end),
       sum(case when st.state = 'MET' then 1 else 0 end), sum(case when st.state = 'BEHIND' then 1 else 0 end)
from st;
