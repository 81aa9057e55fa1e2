-- The monthly assessment bulletin's official number (考核通报的文号, docs/assessment.md): the
-- bulletin of a jurisdiction (its region) for a frozen month is numbered the first time it is
-- printed, through the documents module's number sequence (documents.DocumentNumbers, kind
-- ASSESSMENT_BULLETIN, by the issuing unit and the year of issue), and keeps that number and date
-- whenever it is printed again. One row per month and region; appended, never changed.
create table assessment_bulletin (
    month_start    date         not null,
    region_code    varchar(12)  not null,
    issuer_unit_id bigint       not null,
    doc_year       integer      not null,
    serial         integer      not null,
    number         varchar(60)  not null,
    issued_on      date         not null,
    issued_by      bigint       not null,
    issued_at      timestamp with time zone not null,
    primary key (month_start, region_code),
    constraint assessment_bulletin_first_day check (extract(day from month_start) = 1)
);
