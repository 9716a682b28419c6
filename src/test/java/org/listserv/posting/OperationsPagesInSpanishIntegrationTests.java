package org.listserv.posting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every operations page (bounces, the bounce review, inbound mail, the outbox, moderation) in Spanish for an
 * account whose language is Spanish, with real data on each: no {@code ??key_es??} marker, {@code <html lang="es">},
 * and none of the English words those pages used to say.
 */
class OperationsPagesInSpanishIntegrationTests extends PostingIntegrationTest {

	/** Words of the English pages that Spanish never uses (data, such as addresses and subjects, says none). */
	static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|and|of|to|by|is|not|yet|with|from|any|here|show|"
			+ "bounces?|re-enable|events?|newest|received|inbound|outbox|nothing|process|again|headers|raw|download|"
			+ "assign|discard|approve|reject|held|failed|handled|queued|sent|retrying|given|attempts?|score|warnings|"
			+ "source|evidence|effect|subject|state|details|what|unknown|user|hard|soft|counted|page|message|member|"
			+ "review|decide|size|envelope|processed|welcome|test|kind)\\b");

	@Autowired
	MockMvc mvc;

	@AfterEach
	void accountBackToTheBrowsersLanguage() {
		jdbc.sql("update users set language = null where email = :e").param("e", ADMIN).update();
	}

	@Test
	void everyOperationsPageIsSpanishForASpanishSpeakingAdmin() throws Exception {
		MailingList list = list("MEMBERS");
		jdbc.sql("update lists set name = 'Red por la paz' where id = :l").param("l", list.id()).update();
		members(list, "rosa");
		long rosa = jdbc.sql("select id from subscribers where email = :e").param("e", "rosa@" + domain(list))
			.query(Long.class).single();
		send(list, "visita@ejemplo.net", postText("Visita <visita@ejemplo.net>", "Marcha del sábado", "A mediodía."));
		assertThat(awaitPost(list, "Marcha del sábado")).isEqualTo("HELD");
		long failed = inbound("FAILED", "rosa@" + domain(list), list.slug() + "@lists.example.org", "Hola");
		long bounce = inbound("HANDLED", "", list.slug() + "-bounces@lists.example.org", "Rebote");
		jdbc.sql("""
				insert into bounce_messages (inbound_message_id, source, state, kind) values (:m, 'SMTP', 'REVIEW', 'NON_STANDARD')
				""").param("m", bounce).update();
		jdbc.sql("""
				update memberships set status = 'DISABLED', bounce_score = 3 where list_id = :l and subscriber_id = :s
				""").param("l", list.id()).param("s", rosa).update();
		jdbc.sql("""
				insert into bounce_events (list_id, subscriber_id, inbound_message_id, source, recipient, kind,
				                           classification, reason, status, reply_code, counted, score, action)
				values (:l, :s, :m, 'SMTP', :e, 'DSN', 'HARD', 'userunknown', '5.1.1', 550, true, 3, 'DISABLED')
				""").param("l", list.id()).param("s", rosa).param("m", bounce).param("e", "rosa@" + domain(list)).update();
		long entry = jdbc.sql("""
				insert into outbox (kind, from_address, to_address, subject, text_body, state, attempts, last_error)
				values ('welcome', 'lista@ejemplo.org', :t, 'Bienvenida', 'Hola', 'FAILED', 3, '550 5.1.1')
				returning id
				""").param("t", "rosa@" + domain(list)).query(Long.class).single();
		jdbc.sql("update users set language = 'es' where email = :e").param("e", ADMIN).update();

		List<String> pages = List.of("/admin/bounces", "/admin/bounces/members/" + rosa, "/admin/bounces/review",
				"/admin/inbound", "/admin/inbound?state=FAILED", "/admin/inbound/" + failed, "/admin/outbox",
				"/admin/outbox?kind=welcome", "/admin/outbox/" + entry, "/admin/lists/" + list.slug() + "/moderation");
		for (String page : pages) {
			String html = mvc.perform(get(page).with(user(ADMIN).roles("ADMIN")).header("Accept-Language", "en"))
				.andReturn().getResponse().getContentAsString();
			Document doc = Jsoup.parse(html);
			assertThat(doc.selectFirst("html").attr("lang")).as(page).isEqualTo("es");
			assertThat(html).as(page).doesNotContain("??");
			assertThat(englishWords(doc)).as("English words on %s", page).isEmpty();
		}
		String member = mvc.perform(get("/admin/bounces/members/" + rosa).with(user(ADMIN).roles("ADMIN")))
			.andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(member).select("#events td").eachText())
			.contains("Permanente usuario desconocido Notificación de estado de entrega");
	}

	private long inbound(String state, String from, String to, String subject) {
		return jdbc.sql("""
				insert into inbound_messages (source, mail_from, recipient, subject, size, raw, state, attempts, processed_at)
				values ('SMTP', :f, :t, :s, 5, '\\x48'::bytea, :st, 1, now()) returning id
				""").param("f", from).param("t", to).param("s", subject).param("st", state).query(Long.class).single();
	}

	/** The English words a person reads on the page: its text, titles, placeholders and labels, but not the data it shows. */
	private static List<String> englishWords(Document doc) {
		// data, not the page: the notes processing wrote (stored English, marked lang="en"), the parser's and SMTP's words, subjects (also other tests' campaigns in the charts), the lists' names
		doc.select("pre, code, .charts svg, #campaigns td:nth-child(1), #headers, script, style, [lang=en], #outbox td:nth-child(4), #inbound td:nth-child(4), #review td:nth-child(3), #actions td:nth-child(5), select[name=list]").remove();
		StringBuilder read = new StringBuilder(doc.title()).append(' ').append(doc.body().text());
		for (Element e : doc.select("[title], [placeholder], [aria-label], input[type=submit]")) {
			read.append(' ').append(e.attr("title")).append(' ').append(e.attr("placeholder")).append(' ')
				.append(e.attr("aria-label")).append(' ').append(e.attr("value"));
		}
		String text = read.toString().replace("Message-ID", "").replace("process-bounces", "").replaceAll("[\\w.+-]+@[\\w.-]+", "");
		List<String> found = new ArrayList<>();
		Matcher m = ENGLISH.matcher(text);
		while (m.find()) {
			found.add(m.group() + " in «" + text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 30)) + "»");
		}
		return found;
	}

}
