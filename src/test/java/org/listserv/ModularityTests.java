package org.listserv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capabilities (the packages under {@code org.listserv}) as Spring Modulith application modules: no
 * cycles between them, and none reaches into another's internal (sub)packages. Also writes Modulith's module
 * documentation (PlantUML diagrams of who depends on whom, one canvas per module) to
 * {@code target/spring-modulith-docs} and brings the committed copy in {@code docs/modules/} up to date.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ListservApplication.class);

	static final Path GENERATED = Path.of("target", "spring-modulith-docs");

	static final Path COMMITTED = Path.of("docs", "modules");

	@Test
	void theCapabilitiesDependOnEachOtherOnlyThroughTheirPublicTypesAndWithoutCycles() {
		modules.verify();
	}

	@Test
	void writesTheModuleDocumentation() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
			.writeDocumentation();
		assertThat(GENERATED.resolve("components.puml")).content().contains("Posting", "Sending");
		modules.forEach(module -> assertThat(GENERATED.resolve("module-" + module.getIdentifier() + ".adoc")).exists());
		Files.createDirectories(COMMITTED);
		try (Stream<Path> files = Files.list(GENERATED)) {
			for (Path file : files.toList()) {
				Path committed = COMMITTED.resolve(file.getFileName());
				// Modulith writes the relations in no fixed order: a copy with the same lines stays as it is
				if (!Files.exists(committed) || !sorted(committed).equals(sorted(file))) {
					Files.copy(file, committed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static List<String> sorted(Path file) throws IOException {
		return Files.readAllLines(file).stream().sorted().toList();
	}

}
