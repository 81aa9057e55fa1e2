-- The list of all cases filtered by a category, in its default order (most recently moved first).
-- Without it, a category with few cases in the reader's jurisdiction was found by walking every
-- case in that order, testing each: 1.2 s on the bench's 1,000,000 cases for a category with none
-- (docs/PERFORMANCE.md). With it, PostgreSQL reads the category's own cases in order when they are
-- few, and keeps walking cases_by_update when they are many.
create index cases_by_category on cases (category_id, updated_at desc, id desc);
