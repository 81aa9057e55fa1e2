-- An evaluation campaign's version: an edit names the version it was made on, and one made on
-- an older version is refused (412) rather than overwriting a change its author has not seen.
alter table eval_campaign add column version integer not null default 0;
