-- stat_complete: whether the rollups hold every step of every case, so that what is read
-- from them (the assessment's frozen months above all, which never change) can be trusted.
-- A rollup counts the steps taken after its table was made; the cases of an install older
-- than V39 (or loaded by other means, as the benchmark's generator does) are counted only
-- by a rebuild (--rebuild-statistics), which writes this row.
--
-- Here it is written at once where nothing can be missing: a database without cases (a new
-- install: every step will be counted as it is taken), or one whose rollups already count
-- something (an install that has run, and rebuilt, since V39).
create table stat_complete (
    id             smallint    not null primary key,
    complete_since timestamp with time zone not null,
    how            varchar(20) not null,
    constraint stat_complete_one check (id = 1)
);

insert into stat_complete (id, complete_since, how)
select 1, current_timestamp, 'MIGRATION'
where not exists (select 1 from cases) or exists (select 1 from stat_rollup);
