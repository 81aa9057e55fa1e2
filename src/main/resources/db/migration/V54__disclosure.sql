-- A unit's own problems (查摆): the rectification items it filed on itself, so that its
-- self-examination list can be told from the items of inspections' findings.
create table self_examination (
    case_id    bigint primary key,
    unit_id    bigint not null,
    created_at timestamp with time zone not null
);
create index self_examination_unit on self_examination (unit_id);

-- 公示: the units whose self-examination list and rectification progress a discipline role
-- has published on the public page (withdrawing deletes the row; the audit log keeps both
-- acts). region_path is copied from the organisation module, as every record here does.
create table disclosure (
    unit_id      bigint primary key,
    region_path  varchar(80) not null,
    published_by bigint      not null,
    published_at timestamp with time zone not null
);
create index disclosure_published on disclosure (published_at);
