-- The application's runtime role (spring.flyway.placeholders.runtime_role: QIQING_DB_USER under the
-- "prod" profile) may read and write what it works on, but only read and append the history:
-- no UPDATE, DELETE or TRUNCATE on case_event, attachment, the audit log (audit_entry) and the numbered documents (case_document), no setval on the sequences (so the
-- numbering cannot be wound back) and nothing on Flyway's own table. Flyway runs this after every
-- migrate, as the owner role (spring.flyway.user), so tables added later get the same grants.
-- Nothing happens when the runtime role is the owner itself, or does not exist
-- (docs/updating-database-schema.md, "Two roles").
do $$
declare
    runtime text := '${runtime_role}';
begin
    if runtime = '' or runtime = current_user or not exists (select 1 from pg_roles where rolname = runtime) then
        return;
    end if;
    execute format('grant usage on schema %I to %I', current_schema(), runtime);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), runtime);
    execute format('revoke update on all sequences in schema %I from %I', current_schema(), runtime);
    execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), runtime);
    execute format('revoke update, delete, truncate on case_event, attachment, audit_entry, case_document from %I', runtime);
    execute format('revoke all on flyway_schema_history from %I', runtime);
end $$;
