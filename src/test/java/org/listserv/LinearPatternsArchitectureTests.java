package org.listserv;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Every pattern runs in linear time, by construction: the application's code uses RE2/J
 * ({@code com.google.re2j}), never {@code java.util.regex}, whose backtracking made one crafted message
 * (a From display name of 200 KB of address characters) keep the bounce job busy for minutes. String's own
 * regex methods are java.util.regex underneath, so they are out too.
 */
class LinearPatternsArchitectureTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.listserv");
	}

	@Test
	void noCodeUsesTheBacktrackingRegexEngine() {
		noClasses().should().dependOnClassesThat().resideInAPackage("java.util.regex..")
			.because("patterns run over received and typed text: use com.google.re2j (linear time)")
			.check(classes);
	}

	@Test
	void noCodeUsesStringsRegexMethods() {
		noClasses().should().callMethod(String.class, "matches", String.class)
			.orShould().callMethod(String.class, "replaceAll", String.class, String.class)
			.orShould().callMethod(String.class, "replaceFirst", String.class, String.class)
			.orShould().callMethod(String.class, "split", String.class)
			.orShould().callMethod(String.class, "split", String.class, int.class)
			.because("they compile java.util.regex patterns: use a com.google.re2j.Pattern, or indexOf")
			.check(classes);
	}

}
