package org.listserv.composing;

import java.time.Duration;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.listserv.subscriptions.SubscriptionLinks;
import org.listserv.web.SignedTokens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Nothing a staff member sees lets them act as a member, by construction: only the real send can put a
 * member's own links in a message, and the code that shows mail to staff cannot reach the code that mints
 * them. Each rule names the few classes that may.
 */
class MemberLinksArchitectureTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.listserv");
	}

	@Test
	void onlyTheRealSendPutsAMembersOwnLinksInACampaign() {
		noClasses().that().resideOutsideOfPackage("org.listserv.subscriptions..")
			.and().doNotBelongToAnyOf(CampaignMail.class)
			.should().dependOnClassesThat().belongToAnyOf(SubscriptionLinks.class)
			.because("a member's signed links go only into the real send to that member (CampaignMail, used by "
					+ "the send job); previews, test sends and the web version carry SampleLinks")
			.check(classes);
	}

	@Test
	void theCodeThatShowsCampaignsToStaffCannotReachTheRealSend() {
		noClasses().that().resideInAPackage("org.listserv.composing..")
			.and().doNotBelongToAnyOf(CampaignMail.class)
			.should().dependOnClassesThat().belongToAnyOf(CampaignMail.class, SignedTokens.class)
			.because("previews, test sends, the web version and the checklist render with SampleLinks only")
			.check(classes);
	}

	@Test
	void signedMemberTokensAreMintedOnlyByTheNoticesThatMailThemToTheMember() {
		noClasses().that().doNotHaveFullyQualifiedName("org.listserv.subscriptions.SubscriptionNotices")
			.and().doNotHaveFullyQualifiedName("org.listserv.posting.ArchiveAccess")
			.should().callMethod(SignedTokens.class, "sign", String.class, Duration.class, long[].class)
			.because("a signed token acts for the member it names: it is made only to be mailed to them")
			.check(classes);
		noClasses().that().doNotHaveFullyQualifiedName("org.listserv.subscriptions.SubscriptionService")
			.and().doNotHaveFullyQualifiedName("org.listserv.subscriptions.PendingConfirmations")
			.should().callMethod("org.listserv.subscriptions.ConfirmationTokens", "create",
					"org.listserv.subscriptions.TokenPurpose", "long", "long", "java.time.Duration")
			.because("a confirmation token is made only to be mailed to the address it confirms")
			.check(classes);
	}

}
