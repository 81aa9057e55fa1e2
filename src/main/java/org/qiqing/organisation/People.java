package org.qiqing.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Everyone who can log in.
 */
public interface People extends ListCrudRepository<Person, Long> {

	Optional<Person> findByUsername(String username);

	List<Person> findByEnterpriseIdOrderById(long enterpriseId);

	List<Person> findByUnitIdOrderById(long unitId);

}
