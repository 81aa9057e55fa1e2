package org.qiqing.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The units of government.
 */
public interface Units extends ListCrudRepository<Unit, Long> {

	Optional<Unit> findByCode(String code);

	List<Unit> findAllByOrderByCode();

	List<Unit> findByRegionCodeAndKindOrderByCode(String regionCode, UnitKind kind);

}
