package org.listserv;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capabilities (the packages under {@code org.listserv}) as Spring Modulith application modules: no
 * cycles between them, and none reaches into another's internal (sub)packages. Also writes Modulith's module
 * documentation (PlantUML diagrams of who depends on whom, one canvas per module) to {@code docs/modules/}, so
 * the committed copy is the current one after a build.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ListservApplication.class);

	@Test
	void theCapabilitiesDependOnEachOtherOnlyThroughTheirPublicTypesAndWithoutCycles() {
		modules.verify();
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
		assertThat(Path.of("docs/modules/components.puml")).content().contains("Posting", "Sending");
		modules.forEach(module -> assertThat(Path.of("docs/modules/module-" + module.getIdentifier() + ".adoc")).exists());
	}

}
