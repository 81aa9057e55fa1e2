-- The one-time notification (一次性告知) of a category, shown when an enterprise chooses it:
-- what the government needs to know, the documents to bring (one a line), what happens next
-- and a free note. The limits it quotes are the category's own columns, never typed twice.
alter table case_category add column guide_needs varchar(4000);
alter table case_category add column guide_documents varchar(4000);
alter table case_category add column guide_process varchar(4000);
alter table case_category add column guide_note varchar(4000);
alter table case_category add column updated_at timestamp with time zone;
alter table case_category add column updated_by varchar(100);
