-- The statistics module's own tables: what the steps of cases did, counted as they happen
-- (in each step's transaction) and rebuilt from the case histories on demand. No other
-- module reads them; statistics reads no other module's tables.
--
-- stat_rollup: per day (China), region, unit and its role (L: lead, or 0 for no unit yet;
-- C: co-handling), category (0: none), kind, channel, measure and bucket (the working days
-- of a resolution, for RESOLVE_DAYS; else 0), the number of steps. stripe = case id mod 8
-- spreads the steps of one day and unit over eight rows, so that concurrent steps rarely
-- wait on one row's lock; queries add the stripes up.
create table stat_rollup (
    on_day      date        not null,
    region_code varchar(12) not null,
    region_path varchar(80) not null,
    unit_id     bigint      not null,
    unit_role   varchar(1)  not null,
    category_id bigint      not null,
    kind        varchar(30) not null,
    channel     varchar(20) not null,
    measure     varchar(40) not null,
    bucket      integer     not null,
    stripe      smallint    not null,
    n           bigint      not null,
    primary key (on_day, region_code, unit_id, unit_role, category_id, kind, channel, measure, bucket, stripe)
);
create index stat_rollup_path on stat_rollup (region_path, on_day);
create index stat_rollup_unit on stat_rollup (unit_id, on_day);

-- stat_state: how many cases are in each state now, by the same dimensions (no day): each
-- step takes one from the state and units it left and adds one to those it reached.
create table stat_state (
    region_code varchar(12) not null,
    region_path varchar(80) not null,
    unit_id     bigint      not null,
    unit_role   varchar(1)  not null,
    category_id bigint      not null,
    kind        varchar(30) not null,
    channel     varchar(20) not null,
    state       varchar(30) not null,
    stripe      smallint    not null,
    n           bigint      not null,
    primary key (region_code, unit_id, unit_role, category_id, kind, channel, state, stripe)
);
create index stat_state_path on stat_state (region_path);
create index stat_state_unit on stat_state (unit_id);
