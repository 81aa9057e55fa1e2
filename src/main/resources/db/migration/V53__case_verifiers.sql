-- The people who verify a rectification item (整改销号): the members of the supervision
-- group whose inspection found the problem, named by the discipline module when it files
-- the item (discipline.DisciplineScope decides who they are). Casework's own table: the
-- item's page and its step CONFIRM read it by case, a verifier's queue by person.
create table case_verifier (
    person_id bigint not null,
    case_id   bigint not null references cases (id),
    primary key (person_id, case_id)
);
create index case_verifier_case on case_verifier (case_id, person_id);
