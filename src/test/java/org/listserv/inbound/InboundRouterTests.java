package org.listserv.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.InboundMessage;
import org.listserv.mail.ListAddress;
import org.listserv.mail.ListAddress.Role;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class InboundRouterTests {

	private final ListService lists = mock(ListService.class);

	private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

	private final InboundRouter router = new InboundRouter(lists, beans.getBeanProvider(InboundHandler.class));

	InboundRouterTests() {
		when(lists.find("news")).thenReturn(Optional.of(mock(MailingList.class)));
	}

	private static InboundMessages.Claimed claimed(String to, String raw) {
		return new InboundMessages.Claimed(1, "alice@example.org", to, raw.getBytes(StandardCharsets.UTF_8));
	}

	private static InboundHandler handler(Set<Role> roles, Disposition outcome) {
		return new InboundHandler() {
			@Override
			public Set<Role> roles() {
				return roles;
			}

			@Override
			public Disposition handle(InboundMessage message, Envelope envelope, ListAddress to) {
				return outcome;
			}
		};
	}

	@Test
	void holdsAMessageNoHandlerTakes() {
		beans.registerSingleton("subscriptions", handler(Set.of(Role.SUBSCRIBE), Disposition.handled("joined")));
		assertThat(router.route(claimed("news@localhost", "Subject: hi\r\n\r\nhello\r\n")))
			.isEqualTo(Disposition.held("no handler for POST yet"));
	}

	@Test
	void handsTheMessageToTheHandlerOfItsAddressRole() {
		beans.registerSingleton("posting", handler(Set.of(Role.POST), Disposition.held("moderation")));
		beans.registerSingleton("subscriptions",
				handler(Set.of(Role.SUBSCRIBE, Role.REQUEST), Disposition.handled("joined")));
		assertThat(router.route(claimed("news-join@localhost", "Subject: join\r\n\r\n")))
			.isEqualTo(Disposition.handled("joined"));
		assertThat(router.route(claimed("news@localhost", "Subject: post\r\n\r\n")))
			.isEqualTo(Disposition.held("moderation"));
	}

	@Test
	void failsAMessageThatIsNotAMessage() {
		Disposition outcome = router.route(claimed("news@localhost", ""));
		assertThat(outcome.state()).isEqualTo(InboundState.FAILED);
		assertThat(outcome.note()).isEqualTo("Malformed message: The message is empty");
	}

	@Test
	void failsAMessageWhoseHandlerGivesNoFinalState() {
		beans.registerSingleton("lazy", handler(Set.of(Role.POST), new Disposition(InboundState.RECEIVED, null)));
		assertThat(router.route(claimed("news@localhost", "Subject: x\r\n\r\n")).state())
			.isEqualTo(InboundState.FAILED);
	}

	@Test
	void failsAMessageToAnAddressThatIsNoLongerAList() {
		assertThat(router.route(claimed("gone@localhost", "Subject: x\r\n\r\n")).note()).startsWith("No list 'gone'");
		assertThat(router.route(claimed("not a list!@localhost", "Subject: x\r\n\r\n")).note())
			.startsWith("Not a list address");
	}

}
