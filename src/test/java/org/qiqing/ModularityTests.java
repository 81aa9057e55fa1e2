package org.qiqing;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module boundaries: a module uses another only through its top-level (public)
 * types, and no two modules depend on each other in a cycle. Also writes the module
 * diagrams.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(QiqingApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDiagrams() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

}
