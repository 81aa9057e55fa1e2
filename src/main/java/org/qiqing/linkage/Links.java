package org.qiqing.linkage;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The links; read them within a person's sight through {@link LinkQueries}.
 */
interface Links extends ListCrudRepository<Link, Long> {

}
