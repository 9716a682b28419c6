package org.listserv.lists;

import org.listserv.shared.Languages;
import org.listserv.shared.LanguagesProperties;

import org.junit.jupiter.api.Test;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListSettingsTests {

	static final Languages LANGUAGES = new Languages(new LanguagesProperties(java.util.List.of("en", "es"), "en"));


	private static ListRequest request(String slug, String kind) {
		return new ListRequest(slug, "Name", kind, null, null, null, null, null, null, null);
	}

	@Test
	void kindSetsThePolicyDefaults() {
		ListSettings action = ListSettings.forCreate(request("alerts", "ACTION"), LANGUAGES);
		ListSettings info = ListSettings.forCreate(request("news", "informational"), LANGUAGES);
		assertThat(action.postingPolicy()).isEqualTo(PostingPolicy.MODERATED);
		assertThat(info.postingPolicy()).isEqualTo(PostingPolicy.ANNOUNCE);
		assertThat(action.subscriptionPolicy()).isEqualTo(SubscriptionPolicy.CONFIRM);
		assertThat(info.subscriptionPolicy()).isEqualTo(SubscriptionPolicy.CONFIRM);
	}

	@Test
	void explicitPoliciesOverrideTheDefaults() {
		ListSettings s = ListSettings.forCreate(new ListRequest("talk", "Talk", "ACTION", null, "SINGLE", "MEMBERS",
				null, null, null, null), LANGUAGES);
		assertThat(s.subscriptionPolicy()).isEqualTo(SubscriptionPolicy.SINGLE);
		assertThat(s.postingPolicy()).isEqualTo(PostingPolicy.MEMBERS);
	}

	@Test
	void slugMustBeLowerCaseLettersDigitsAndHyphens() {
		for (String bad : new String[] { "News", "a b", "-news", "news-", "ünï", "a".repeat(33), "" }) {
			assertThatThrownBy(() -> ListSettings.forCreate(request(bad, "ACTION"), LANGUAGES))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("slug"));
		}
		assertThat(ListSettings.forCreate(request("peace-2026", "ACTION"), LANGUAGES).slug()).isEqualTo("peace-2026");
	}

	@Test
	void slugMayNotEndLikeOneOfTheListsOwnAddresses() {
		assertThatThrownBy(() -> ListSettings.forCreate(request("news-request", "ACTION"), LANGUAGES))
			.hasMessageContaining("-request");
		assertThatThrownBy(() -> ListSettings.forCreate(request("news-bounces", "ACTION"), LANGUAGES))
			.hasMessageContaining("-bounces");
	}

	@Test
	void headerFieldsRefuseLineBreaksSoNoHeaderCanBeInjected() {
		assertThatThrownBy(() -> ListSettings.forCreate(new ListRequest("x", "Name", "ACTION", null, null, null,
				"Org\r\nBcc: everyone@example.org", null, null, null), LANGUAGES))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fromName"));
		assertThatThrownBy(() -> ListSettings.forCreate(new ListRequest("x", "Name", "ACTION", null, null, null, null,
				"not an address", null, null), LANGUAGES))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fromAddress"));
	}

	@Test
	void unknownEnumValuesNameTheFieldAndTheChoices() {
		assertThatThrownBy(() -> ListSettings.forCreate(request("x", "WEEKLY"), LANGUAGES))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.text())
				.isEqualTo(new Text("lists.error.choice", "kind", "ACTION, INFORMATIONAL")));
	}

	@Test
	void updateKeepsWhatIsNotGivenAndRefusesASlugChange() {
		MailingList current = new MailingList(1, "news", "News", "d", ListKind.INFORMATIONAL, SubscriptionPolicy.CONFIRM,
				PostingPolicy.ANNOUNCE, "Org", "news@example.org", "", "footer", true, "", true, null, "friend", "en", null, null);
		ListSettings s = ListSettings.forUpdate(current,
				new ListRequest(null, "Newsletter", null, null, null, "OPEN", null, null, null, null), LANGUAGES);
		assertThat(s.name()).isEqualTo("Newsletter");
		assertThat(s.postingPolicy()).isEqualTo(PostingPolicy.OPEN);
		assertThat(s.fromAddress()).isEqualTo("news@example.org");
		assertThat(s.footer()).isEqualTo("footer");
		assertThatThrownBy(() -> ListSettings.forUpdate(current,
				new ListRequest("other", null, null, null, null, null, null, null, null, null), LANGUAGES))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.text()).isEqualTo(new Text("lists.error.slug-fixed")));
	}

}
