package org.qiqing.casework;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The cases. Reads that must respect what a person may see go through
 * {@link CaseQueries}.
 */
interface Cases extends ListCrudRepository<Case, Long> {

}
