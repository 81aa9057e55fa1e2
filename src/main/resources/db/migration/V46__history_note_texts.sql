-- The platform's own words in a case's history in the reader's language (docs/history.md): an
-- event whose note a timer wrote (its automatic supervision order, its escalation) keeps the key
-- and arguments of that note (platform.Text as JSON) beside the Chinese words it has always
-- stored, and is sealed with hash version 3, which covers both. Events already written keep
-- their note, their version and their hash. The supervision order a timer issues keeps its
-- demand's text the same way.
alter table case_event add column note_text varchar(2000);
alter table supervision_order add column demand_text varchar(2000);
