package org.listserv.inbound;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.subethamail.smtp.RejectException;

import org.listserv.lists.ListService;
import org.listserv.mail.MailProperties;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class SmtpTransactionTests {

	private final ListService lists = mock(ListService.class);

	private final InboundStore store = mock(InboundStore.class);

	private final RecipientCheck recipients = new RecipientCheck(new MailProperties("lists.example.org",
			List.of("alias.example.org")), lists);

	private static InputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void answers451AndNeverStoredWhenTheDatabaseIsDown() throws Exception {
		when(lists.find("news")).thenReturn(Optional.of(mock(org.listserv.lists.MailingList.class)));
		when(store.store(any(), anyString(), anyCollection(), any()))
			.thenThrow(new CannotGetJdbcConnectionException("connection refused"));
		SmtpTransaction transaction = new SmtpTransaction(recipients, store, 1000);
		transaction.from("alice@example.org");
		transaction.recipient("news@lists.example.org");
		assertThatThrownBy(() -> transaction.data(bytes("Subject: x\r\n\r\nbody\r\n")))
			.isInstanceOfSatisfying(RejectException.class, ex -> assertThat(ex.getErrorResponse())
				.isEqualTo("451 4.3.0 Could not store the message; try again later"));
	}

	@Test
	void answers451WhenTheRecipientCannotBeCheckedForNow() {
		when(lists.find("news")).thenThrow(new CannotGetJdbcConnectionException("connection refused"));
		SmtpTransaction transaction = new SmtpTransaction(recipients, store, 1000);
		assertThatThrownBy(() -> transaction.recipient("news@lists.example.org"))
			.isInstanceOfSatisfying(RejectException.class, ex -> assertThat(ex.getCode()).isEqualTo(451));
	}

	@Test
	void takesListAddressesAtADomainAliasInAnyCase() throws Exception {
		when(lists.find("news")).thenReturn(Optional.of(mock(org.listserv.lists.MailingList.class)));
		assertThat(recipients.accept("news-request@Alias.Example.ORG")).isEqualTo("news-request@alias.example.org");
		assertThatThrownBy(() -> recipients.accept("news@example.org"))
			.isInstanceOfSatisfying(RejectException.class, ex -> assertThat(ex.getCode()).isEqualTo(550));
		assertThatThrownBy(() -> recipients.accept("@lists.example.org"))
			.isInstanceOfSatisfying(RejectException.class, ex -> assertThat(ex.getCode()).isEqualTo(550));
		assertThatThrownBy(() -> recipients.accept("news@"))
			.isInstanceOfSatisfying(RejectException.class, ex -> assertThat(ex.getCode()).isEqualTo(550));
	}

	@Test
	void readsAnOverSizeMessageToItsEndThenAnswers552WithoutStoring() {
		SmtpTransaction transaction = new SmtpTransaction(recipients, store, 10);
		InputStream data = bytes("Subject: far too long\r\n\r\nbody\r\n");
		assertThatThrownBy(() -> transaction.data(data))
			.isInstanceOfSatisfying(RejectException.class, ex -> assertThat(ex.getErrorResponse())
				.isEqualTo("552 5.3.4 Message too big: the limit is 10 bytes"));
		assertThat(data).isEmpty();
		verifyNoInteractions(store);
	}

	@Test
	void storesTheNullSenderAsAnEmptyMailFrom() throws Exception {
		when(lists.find("news")).thenReturn(Optional.of(mock(org.listserv.lists.MailingList.class)));
		when(store.store(any(), anyString(), anyCollection(), any())).thenReturn(List.of(7L));
		SmtpTransaction transaction = new SmtpTransaction(recipients, store, 1000);
		transaction.from("");
		transaction.recipient("news-bounces+abc@lists.example.org");
		assertThat(transaction.data(bytes("Subject: bounce\r\n\r\n"))).isEqualTo("2.0.0 Ok: stored as [7]");
		verify(store).store(any(), org.mockito.ArgumentMatchers.eq(""),
				org.mockito.ArgumentMatchers.eq(java.util.Set.of("news-bounces+abc@lists.example.org")), any());
	}

	@Test
	void givesUpOnASenderThatTricklesPastTheDeadlineAndStoresNothing() throws Exception {
		when(lists.find("news")).thenReturn(Optional.of(mock(org.listserv.lists.MailingList.class)));
		// no time at all for the data: the deadline has passed by the time the second byte is read, and the
		// sender goes on sending (never too much at once for the size limit to answer first)
		SmtpTransaction transaction = new SmtpTransaction(recipients, store, 1000, Duration.ZERO);
		transaction.recipient("news@lists.example.org");
		InputStream trickle = new InputStream() {
			@Override
			public int read() {
				return 'x';
			}

			@Override
			public int read(byte[] b, int off, int len) {
				b[off] = (byte) read(); // one byte at a time, as a slow network delivers it
				return 1;
			}
		};
		assertThatThrownBy(() -> transaction.data(trickle)).isInstanceOf(java.io.IOException.class)
			.hasMessage("DATA took too long");
		verifyNoInteractions(store);
	}

}
