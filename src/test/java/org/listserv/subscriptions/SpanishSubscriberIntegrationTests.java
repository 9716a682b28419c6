package org.listserv.subscriptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.listserv.IntegrationTest;
import org.listserv.inbound.Envelope;
import org.listserv.lists.ListRequest;
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
 * peer); every notice subscriptions sends reaches a member whose language is Spanish in Spanish; and a
 * request nobody confirmed does not change an existing subscriber's language.
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

	@Autowired
	ApprovalService approvals;

	@Autowired
	MemberImporter importer;

	@Autowired
	org.listserv.web.TimeZones zones;

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

	/** A day as a subscriber reads it: the language's long date, in the organisation's zone. */
	private String day(java.time.OffsetDateTime at, String language) {
		java.util.Locale locale = java.util.Locale.forLanguageTag(language);
		return java.time.format.DateTimeFormatter
			.ofPattern(language.equals("es") ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy", locale)
			.format(at.atZoneSameInstant(zones.organisation()));
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
		assertThat(body(confirm).replaceAll("\\s+", " ")).as("the link's last day, in Spanish words")
			.contains("El enlace vence en 7 días, el " + day(java.time.OffsetDateTime.now().plusDays(7), "es") + ".");

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
		String since = day(member.subscribedAt(), "es");
		assertThat(since).matches("\\d{1,2} de [a-z]+ de \\d{4}");
		assertThat(prefs.select("td .since").eachText()).as("member since, in the organisation's zone")
			.containsExactly("desde el " + since);
		Document english = page(get(path(welcome, "/preferences/\\S+") + "?lang=en"));
		assertThat(english.select("td .since").eachText()).containsExactly("since " + day(member.subscribedAt(), "en"));

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

	/** The notices in templates/notices/ that other capabilities send (posting, bounces, inbound). */
	private static final Set<String> NOT_SUBSCRIPTIONS = Set.of("archive-link", "bounce-disabled", "bounce-warning",
			"inbound-failed", "inbound-failed-admin", "post-expired", "post-held", "post-rejected", "password-reset",
			"post-waiting");

	/**
	 * Every notice subscriptions sends, to members whose own language is Spanish on English lists, asked for
	 * from English pages and with mail that names no language: each one arrives in Spanish. A notice added to
	 * templates/notices/ and not walked here fails the test.
	 */
	@Test
	void everyNoticeSubscriptionsSendsReachesAMemberWhoseLanguageIsSpanishInSpanish() throws Exception {
		MailingList list = newList("INFORMATIONAL");
		MailingList approve = listService.update(newList("ACTION").slug(), new ListRequest(null, null, null, null,
				"APPROVE", null, null, null, null, null, null, null, null, null, null, null));
		assertThat(List.of(list.language(), approve.language())).containsOnly("en");
		String eva = "eva@" + list.slug() + ".example.org";
		String eli = "eli@" + approve.slug() + ".example.org";
		MailingList elsewhere = newList("ACTION");
		Actor admin = Actor.staff(ConsentSource.API, ADMIN, "127.0.0.1");
		members.add(elsewhere.slug(), eva, "Eva", null, "es", admin);
		members.add(elsewhere.slug(), eli, "Eli", null, "es", admin);

		// confirm, welcome, already-subscribed: from the English form, naming no language
		page(from(post("/subscribe/" + list.slug())).header("Accept-Language", "en").param("email", eva));
		MimeMessage confirm = awaitMail(eva, 1).get(0);
		page(from(post(path(confirm, "/confirm/[a-z2-7]{32}"))).header("Accept-Language", "en"));
		awaitMail(eva, 2);
		page(from(post("/subscribe/" + list.slug())).header("Accept-Language", "en").param("email", eva));
		awaitMail(eva, 3);
		// confirm-leave and goodbye: a mail to the leave address with no command word in it
		mail(eva, list.slug() + "-unsubscribe@lists.example.org", "bye", "");
		MimeMessage leave = awaitMail(eva, 4).get(3);
		mail(eva, leave.getReplyTo()[0].toString(), "Re: " + leave.getSubject(), "> quoted");
		awaitMail(eva, 5);
		// preferences-link, from the English page; command-reply to a mail with no command
		mvc.perform(from(post("/preferences")).header("Accept-Language", "en").param("email", eva)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
		awaitMail(eva, 6);
		mail(eva, list.slug() + "-request@lists.example.org", "Question", "What is this list about?");
		awaitMail(eva, 7);
		// pending-approval and rejected, on a list an admin approves
		page(from(post("/subscribe/" + approve.slug())).header("Accept-Language", "en").param("email", eli));
		page(from(post(path(awaitMail(eli, 1).get(0), "/confirm/[a-z2-7]{32}"))).header("Accept-Language", "en"));
		awaitMail(eli, 2);
		approvals.reject(approve.slug(), eli, admin);
		awaitMail(eli, 3);
		// the confirmation request of a PENDING import, to someone the file says reads Spanish
		String ivo = "ivo@" + list.slug() + ".example.org";
		importer.importCsv(list.slug(), new java.io.ByteArrayInputStream(("email,language\n" + ivo + ",es\n")
			.getBytes(StandardCharsets.UTF_8)), ImportMode.PENDING, Actor.staff(ConsentSource.IMPORT, ADMIN, "127.0.0.1"));
		awaitMail(ivo, 1);

		List<Sent> sent = jdbc
			.sql("select kind, to_address as recipient, subject, text_body as text from outbox where to_address in (:a, :b, :c)")
			.param("a", eva)
			.param("b", eli)
			.param("c", ivo)
			.query(Sent.class)
			.list();
		Set<String> notices = new TreeSet<>();
		try (var files = Files.list(Path.of("templates/notices"))) {
			files.map(f -> f.getFileName().toString())
				.filter(f -> f.endsWith(".txt"))
				.map(f -> f.substring(0, f.length() - 4))
				.filter(n -> !NOT_SUBSCRIPTIONS.contains(n) && !n.equals("help"))
				.forEach(notices::add);
		}
		assertThat(sent).extracting(Sent::kind).as("every notice of subscriptions walked").containsAll(notices);
		for (Sent s : sent) {
			Notice spanish = Notice.read(Path.of("templates/notices/es/" + s.kind() + ".txt"));
			Notice english = Notice.read(Path.of("templates/notices/" + s.kind() + ".txt"));
			assertThat(s.subject()).as(s.kind() + "'s subject").matches(spanish.subject());
			if (!english.subject().pattern().equals(spanish.subject().pattern())) {
				assertThat(s.subject()).as(s.kind() + "'s subject").doesNotMatch(english.subject());
			}
			assertThat(spanish.lines()).as(s.kind() + " in Spanish").anyMatch(s.text()::contains);
			assertThat(english.lines()).as(s.kind() + " without English")
				.filteredOn(line -> !spanish.lines().contains(line))
				.noneMatch(s.text()::contains);
		}
		// the real mail, as the SMTP peer received it
		assertThat(mailTo(eva).stream().map(SpanishSubscriberIntegrationTests::subject))
			.containsExactlyInAnyOrderElementsOf(
					sent.stream().filter(s -> s.recipient().equals(eva)).map(Sent::subject).toList());
		assertThat(mailTo(eva)).filteredOn(m -> subject(m).equals("Re: Question")).singleElement()
			.satisfies(m -> assertThat(body(m)).contains("No encontramos ningún comando en su mensaje."));
	}

	record Sent(String kind, String recipient, String subject, String text) {

		Sent {
			text = text.replace("\r\n", "\n");
		}

	}

	/** A notice file: its subject as a pattern ({{merge}} values match anything) and its fixed words. */
	record Notice(java.util.regex.Pattern subject, List<String> lines) {

		static Notice read(Path file) throws java.io.IOException {
			List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
			String subject = all.get(0).substring("Subject: ".length());
			StringBuilder pattern = new StringBuilder();
			for (String part : subject.split("\\{\\{[^}]*\\}\\}", -1)) {
				pattern.append(pattern.isEmpty() ? "" : ".*").append(java.util.regex.Pattern.quote(part));
			}
			// the fixed words between the values, of a line (mustache sections aside): what every reader sees
			List<String> lines = all.subList(1, all.size())
				.stream()
				.flatMap(l -> java.util.Arrays.stream(l.split("\\{\\{[^}]*\\}\\}")))
				.map(String::strip)
				.filter(l -> l.length() >= 12)
				.toList();
			return new Notice(java.util.regex.Pattern.compile(pattern.toString()), lines);
		}

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
