-- stat_month: the rows of stat_rollup added up by month (in_month: its first day), kept
-- by the same steps in the same transactions, so that a period of whole months reads a
-- thirtieth of the rows (a county's year: thousands of rows, not a hundred thousand).
-- Same dimensions and stripes as stat_rollup; the days a period starts or ends within a
-- month are still read from stat_rollup.
create table stat_month (
    in_month    date        not null,
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
    primary key (in_month, region_code, unit_id, unit_role, category_id, kind, channel, measure, bucket, stripe)
);
create index stat_month_path on stat_month (region_path, in_month);
create index stat_month_unit on stat_month (unit_id, in_month);

insert into stat_month (in_month, region_code, region_path, unit_id, unit_role, category_id, kind, channel, measure,
                        bucket, stripe, n)
select cast(date_trunc('month', on_day) as date), region_code, max(region_path), unit_id, unit_role, category_id, kind,
       channel, measure, bucket, stripe, sum(n)
from stat_rollup
group by cast(date_trunc('month', on_day) as date), region_code, unit_id, unit_role, category_id, kind, channel,
         measure, bucket, stripe;
