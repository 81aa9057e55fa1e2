-- Administration on pages (docs/administration.md).
-- A person whose password an administrator reset must choose his own at his next login.
alter table person add column must_change_password boolean not null default false;

-- A unit is disabled rather than deleted: its cases and people keep it; it is no longer offered.
alter table unit add column enabled boolean not null default true;

-- Categories: a retired category keeps its cases and history but is no longer offered; an
-- optional English name is shown to English readers (the Chinese name is the category's own).
alter table case_category add column retired boolean not null default false;
alter table case_category add column name_en varchar(100);

-- The unit that leads a category's cases in a region by default (it pre-fills the assignment);
-- the nearest region up the case's region path wins, then the category's own default unit.
create table category_lead_unit (
    category_id bigint      not null references case_category (id),
    region_code varchar(12) not null references region (code),
    unit_id     bigint      not null references unit (id),
    primary key (category_id, region_code)
);
