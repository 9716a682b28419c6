package org.listserv.subscriptions;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.inbound.Envelope;
import org.listserv.lists.MailingList;
import org.listserv.mail.InboundMessage;
import org.listserv.mail.ListAddress;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A Spanish speaker joins an English list by the web form and by an email saying {@code suscribir}: every
 * page, the confirmation, the welcome, the command reply and the goodbye are in Spanish (read from the SMTP
 * peer); and a request nobody confirmed does not change an existing subscriber's language.
 */
class SpanishSubscriberIntegrationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MemberService members;

	@Autowired
	EmailCommandHandler handler;

	@Autowired
	JdbcClient jdbc;

	private static int ip = 1;

	private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request) {
		String address = "198.51.100." + (ip++ % 250 + 1);
		return request.with(r -> {
			r.setRemoteAddr("203.0.113." + (ip % 250 + 1));
			return r;
		});
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private String language(String email) {
		return jdbc.sql("select language from subscribers where lower(email) = lower(:e)").param("e", email)
			.query(String.class).optional().orElse(null);
	}

	private void mail(String from, String to, String subject, String body) {
		String raw = "From: Ana <" + from + ">\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: <"
				+ System.nanoTime() + "@client.example.org>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body
				+ "\r\n";
		handler.handle(InboundMessage.parse(raw.getBytes(StandardCharsets.UTF_8)), new Envelope(from, to),
				ListAddress.parse(to.substring(0, to.indexOf('@'))).orElseThrow());
	}

	private static String path(MimeMessage message, String regex) {
		return find(message, "https?://[^/\\s]+(" + regex + ")");
	}

	@Test
	void aSpanishSpeakerJoinsByTheWebFormAndEveryPageAndNoticeIsInSpanish() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		assertThat(list.language()).isEqualTo("en");
		String email = "ana@" + list.slug() + ".example.org";

		Document form = page(get("/subscribe/" + list.slug()).header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5"));
		assertThat(form.selectFirst("html").attr("lang")).isEqualTo("es");
		assertThat(form.selectFirst("h1").text()).isEqualTo("Suscribirse a " + list.name());
		assertThat(form.selectFirst("#join").text()).isEqualTo("Suscribirme");
		assertThat(form.selectFirst(".consent").text()).startsWith("Quiero recibir " + list.name());
		assertThat(form.select("#language option[selected]").attr("value")).isEqualTo("es");
		assertThat(form.select("nav.languages a").eachText()).containsExactly("English", "Español");

		Document inbox = page(from(post("/subscribe/" + list.slug())).header("Accept-Language", "es")
			.param("email", email).param("name", "Ana").param("language", "es"));
		assertThat(inbox.selectFirst("h1").text()).isEqualTo("Revise su bandeja de entrada");
		assertThat(language(email)).as("a new subscriber takes the language asked for").isEqualTo("es");

		MimeMessage confirm = awaitMail(email, 1).get(0);
		assertThat(confirm.getSubject()).isEqualTo("Confirme, por favor: suscribirse a " + list.name());
		assertThat(body(confirm)).contains("Hola Ana:").contains("Quiero recibir " + list.name());

		// the link opened in a browser that says nothing: the page speaks the mail's language
		String confirmPath = path(confirm, "/confirm/[a-z2-7]{32}");
		Document ask = page(get(confirmPath));
		assertThat(ask.selectFirst("html").attr("lang")).isEqualTo("es");
		assertThat(ask.selectFirst("#confirm").text()).isEqualTo("Sí, agréguenme");
		Document joined = page(from(post(confirmPath)));
		assertThat(joined.selectFirst("#joined").text()).isEqualTo("Ya está en la lista");

		MimeMessage welcome = awaitMail(email, 2).get(1);
		assertThat(welcome.getSubject()).isEqualTo("Le damos la bienvenida a " + list.name());
		Member member = members.get(list.slug(), email);
		assertThat(member.status()).isEqualTo(MembershipStatus.ACTIVE);
		assertThat(members.history(member.subscriberId()))
			.allSatisfy(e -> assertThat(e.consentText()).startsWith("Quiero recibir " + list.name()));

		Document prefs = page(get(path(welcome, "/preferences/\\S+")));
		assertThat(prefs.selectFirst("html").attr("lang")).isEqualTo("es");
		assertThat(prefs.selectFirst("h1").text()).startsWith("Suscripciones de");
		assertThat(prefs.select("#language option[selected]").attr("value")).isEqualTo("es");

		String unsubscribe = path(welcome, "/unsubscribe/\\S+");
		assertThat(page(get(unsubscribe)).selectFirst("#leave").text()).isEqualTo("Darme de baja de esta lista");
		Document left = page(post(unsubscribe));
		assertThat(left.selectFirst("#done").text()).isEqualTo("Se dio de baja de " + list.name());
		assertThat(awaitMail(email, 3).get(2).getSubject()).isEqualTo("Se dio de baja de " + list.name());
	}

	@Test
	void anExplicitChoiceOfSpanishBeatsAnEnglishBrowser() throws Exception {
		MailingList list = newList("ACTION");
		Document form = page(get("/subscribe/" + list.slug() + "?lang=es").header("Accept-Language", "en"));
		assertThat(form.selectFirst("h1").text()).isEqualTo("Suscribirse a " + list.name());
		assertThat(form.select("#language option[selected]").attr("value")).isEqualTo("es");
		Document lists = page(get("/lists?lang=es"));
		assertThat(lists.selectFirst("h1").text()).isEqualTo("Nuestras listas");
		Document english = page(get("/subscribe/" + list.slug()).header("Accept-Language", "en"));
		assertThat(english.selectFirst("h1").text()).isEqualTo("Join " + list.name());
	}

	@Test
	void suscribirByEmailJoinsInSpanishAndTheReplyIsInSpanish() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String email = "beto@" + list.slug() + ".example.org";
		mail(email, list.slug() + "-request@lists.example.org", "Hola", "Suscribir\n");
		assertThat(language(email)).isEqualTo("es");
		var received = awaitMail(email, 2);
		MimeMessage reply = received.stream().filter(m -> subject(m).startsWith("Re:")).findFirst().orElseThrow();
		MimeMessage confirm = received.stream().filter(m -> !subject(m).startsWith("Re:")).findFirst().orElseThrow();
		assertThat(body(reply)).contains("> suscribir").contains("Enviamos un mensaje a " + email + " para confirmar.");
		assertThat(confirm.getSubject()).isEqualTo("Confirme, por favor: suscribirse a " + list.name());
		mail(email, confirm.getReplyTo()[0].toString(), "Re: " + confirm.getSubject(), "> citado");
		assertThat(awaitMail(email, 3).get(2).getSubject()).isEqualTo("Le damos la bienvenida a " + list.name());

		mail(email, list.slug() + "-request@lists.example.org", "BAJA", "");
		var all = awaitMail(email, 5);
		assertThat(all.stream().map(SpanishSubscriberIntegrationTests::subject))
			.contains("Confirme, por favor: darse de baja de " + list.name(), "Re: BAJA");
		mail(email, list.slug() + "-request@lists.example.org", "ayuda", "");
		MimeMessage help = awaitMail(email, 6).get(5);
		assertThat(body(help)).contains("> ayuda").contains("suscribir     suscribirse a la lista");
	}

	@Test
	void aFormNobodyConfirmedDoesNotChangeAnExistingSubscribersLanguage() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		String email = "carla@" + list.slug() + ".example.org";
		addMember(newList("INFORMATIONAL"), email, "Carla");
		jdbc.sql("update subscribers set language = 'en' where lower(email) = lower(:e)").param("e", email).update();

		page(from(post("/subscribe/" + list.slug())).param("email", email).param("language", "es"));
		MimeMessage confirm = awaitMail(email, "Confirme, por favor: suscribirse a " + list.name(),
				java.time.Duration.ofSeconds(20));
		assertThat(language(email)).as("not before the address is confirmed").isEqualTo("en");
		page(from(post(path(confirm, "/confirm/[a-z2-7]{32}"))));
		assertThat(language(email)).isEqualTo("es");
	}

	private static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new AssertionError(ex);
		}
	}

}
