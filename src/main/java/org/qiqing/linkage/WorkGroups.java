package org.qiqing.linkage;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The working groups; read them within a person's sight through {@link LinkQueries}.
 */
interface WorkGroups extends ListCrudRepository<WorkGroup, Long> {

}
