package org.listserv.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListAddressTests {

	@Test
	void readsTheListAddressOfAWholeRecipientAtAnyDomain() {
		assertThat(ListAddress.ofRecipient("news-bounces+abc123@lists.example.org"))
			.contains(new ListAddress("news", ListAddress.Role.BOUNCES, "abc123"));
		assertThat(ListAddress.ofRecipient("news@other.example.net")).get().extracting(ListAddress::role)
			.isEqualTo(ListAddress.Role.POST);
	}

	@Test
	void hasNoListAddressWithoutALocalPart() {
		assertThat(ListAddress.ofRecipient(null)).isEmpty();
		assertThat(ListAddress.ofRecipient("no-at-sign")).isEmpty();
		assertThat(ListAddress.ofRecipient("@lists.example.org")).isEmpty();
	}

}
