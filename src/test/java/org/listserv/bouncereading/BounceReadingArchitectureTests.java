package org.listserv.bouncereading;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The bounce reader is plain code on the shared MIME model: it reads parts through {@code mail/}'s
 * {@code InboundMessage} and {@code MessageParts}, never Mime4J itself, and it has no database, no Spring and
 * no knowledge of the bounce job that uses it.
 */
class BounceReadingArchitectureTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.listserv");
	}

	@Test
	void readsMimeOnlyThroughTheSharedModel() {
		noClasses().that().resideInAPackage("org.listserv.bouncereading..")
			.should().dependOnClassesThat().resideInAPackage("org.apache.james.mime4j..")
			.because("MIME stays at the edges: mail/ parses, the bounce reader walks MessageParts")
			.check(classes);
	}

	@Test
	void isPlainCodeWithoutDatabaseSpringOrTheBounceJob() {
		noClasses().that().resideInAPackage("org.listserv.bouncereading..")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
					"javax.sql..", "org.listserv.bounces..")
			.check(classes);
	}

	@Test
	void mimeFourJStaysInMailAndInbound() {
		noClasses().that().resideOutsideOfPackages("org.listserv.mail..", "org.listserv.inbound..")
			.should().dependOnClassesThat().resideInAPackage("org.apache.james.mime4j..")
			.because("rule 4 of the house: the rest sees InboundMessage and OutboundMessage")
			.check(classes);
	}

}
