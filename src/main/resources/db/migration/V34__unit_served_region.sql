-- Units that serve regions above their own place (docs/administration.md, "Serving units"):
-- a county tax bureau of a vertical system, or a city bureau that serves a county. A
-- dispatcher may assign a case to the units of his jurisdiction and to the units that serve
-- it (or a region of it); an administrator of the unit's jurisdiction marks which.
create table unit_served_region (
    unit_id     bigint      not null references unit (id),
    region_code varchar(12) not null references region (code),
    primary key (unit_id, region_code)
);
create index unit_served_region_region on unit_served_region (region_code);
