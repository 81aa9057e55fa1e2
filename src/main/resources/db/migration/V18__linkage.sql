-- The indexes of linkage (挂联) and its coverage: what the coverage query and the bulk
-- assignment look up. The visit table belongs to the visit module; this index serves the
-- coverage's read-only look into it: whether one person visited an enterprise within a window,
-- answered by one probe of the index alone.
create index visit_coverage on visit (enterprise_id, visitor_id, visited_on);

-- The groups a person leads, for "my links" and for who may count a group's visit.
create index work_group_leader on work_group (leader_id);

-- The links to a town, village or project region.
create index link_target_region on link (target_region_code);
