package org.qiqing.enterprise;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The enterprise registry.
 */
public interface Enterprises extends ListCrudRepository<Enterprise, Long> {

	Optional<Enterprise> findByCreditCode(String creditCode);

}
