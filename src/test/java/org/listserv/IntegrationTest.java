package org.listserv;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.core.ThrowingRunnable;

import org.listserv.accounts.AccountService;
import org.listserv.accounts.Role;
import org.listserv.composing.CampaignService;
import org.listserv.composing.CampaignStatus;
import org.listserv.lists.ListRequest;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Base of the integration tests: the whole application on the real embedded PostgreSQL (one per test
 * JVM, shared by every test class through Spring's context cache), on a random port. Tests share the
 * database, so each one makes its own lists with {@link #newList}. Outgoing mail goes to one GreenMail
 * SMTP server per JVM, a real SMTP peer; {@link #awaitMail} finds a test's messages by recipient. Tests wait
 * with Awaitility, never with sleeps: for something to happen with the {@code await...} helpers here, and
 * for something NOT to happen within a period with {@link #assertThroughout}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class IntegrationTest {

	public static final String ADMIN = "admin@example.org";

	public static final String ADMIN_PASSWORD = "admin-password-1";

	public static final String STAFF = "staff@example.org";

	public static final String STAFF_PASSWORD = "staff-password-1";

	private static final AtomicInteger counter = new AtomicInteger();

	protected static final GreenMail smtp = startSmtp();

	private static GreenMail startSmtp() {
		GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		mail.start();
		return mail;
	}

	@DynamicPropertySource
	static void mailProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	/** Waits (up to 10 s) until {@code count} messages to {@code to} have arrived, and returns them. */
	protected static List<MimeMessage> awaitMail(String to, int count) {
		await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(subjects(to)).as("messages to %s", to).hasSizeGreaterThanOrEqualTo(count));
		return mailTo(to);
	}

	/**
	 * Waits (up to {@code within}) for a message to {@code to} whose subject contains {@code subject}, and
	 * returns the first: for an address that other tests send mail to as well (the admin's), where "a
	 * message arrived" would not mean that this test's message did.
	 */
	protected static MimeMessage awaitMail(String to, String subject, Duration within) {
		return await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
			.until(() -> mailTo(to).stream().filter(m -> subject(m).contains(subject)).findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	/**
	 * Asserts that {@code check} passes now and goes on passing for the whole {@code period}, polled every
	 * 50 ms: how a test says that something does NOT happen (no mail, nothing more sent) within a period.
	 * It fails at the first poll where the check fails, and its last check starts after {@code period} has
	 * passed since the first. (The slack in {@code atMost} only bounds a check that flickers.)
	 */
	protected static void assertThroughout(Duration period, ThrowingRunnable check) {
		await().during(period).atMost(period.plus(Duration.ofSeconds(10))).pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(50)).failFast(check).untilAsserted(check);
		try {
			check.run();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new AssertionError(ex);
		}
	}

	/** Waits (up to {@code within}) until the campaign has the {@code expected} status. */
	protected void awaitCampaign(long id, CampaignStatus expected, Duration within) {
		await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(campaigns.get(id).status()).as("campaign %d", id).isEqualTo(expected));
	}

	protected static List<String> subjects(String to) {
		return mailTo(to).stream().map(IntegrationTest::subject).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return String.valueOf(message.getSubject());
		}
		catch (MessagingException ex) {
			throw new AssertionError(ex);
		}
	}

	/** Every message received so far for this address. */
	protected static List<MimeMessage> mailTo(String to) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch(a -> a.toString().equalsIgnoreCase(to));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	/** The decoded text/plain content of a message. */
	protected static String body(MimeMessage message) {
		try {
			Object content = message.getContent();
			if (content instanceof jakarta.mail.Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					if (multipart.getBodyPart(i).isMimeType("text/plain")) {
						return multipart.getBodyPart(i).getContent().toString().replace("\r\n", "\n");
					}
				}
			}
			return content.toString().replace("\r\n", "\n");
		}
		catch (MessagingException | java.io.IOException ex) {
			throw new AssertionError(ex);
		}
	}

	/** The first match of {@code regex}'s group 1 in the message's text. */
	protected static String find(MimeMessage message, String regex) {
		Matcher m = Pattern.compile(regex).matcher(body(message));
		if (!m.find()) {
			throw new AssertionError("No " + regex + " in:\n" + body(message));
		}
		return m.group(1);
	}

	@Autowired
	protected ListService listService;

	@Autowired
	protected AccountService accountService;

	@Autowired
	protected CampaignService campaigns;

	protected MailingList newList(String kind) {
		ensureStaff();
		String slug = "t" + ProcessHandle.current().pid() % 1000 + "-" + counter.incrementAndGet() + "-"
				+ Long.toString(System.nanoTime() % 100_000, 36);
		MailingList list = listService.create(new ListRequest(slug, "Test list " + slug, kind, null, null, null, null,
				null, null, null));
		ownedByStaff(list);
		return list;
	}

	/** The password of the accounts {@link #accountWithRole} makes. */
	public static final String ROLE_PASSWORD = "a long enough password 1";

	/** A new STAFF account holding {@code role} (OWNER, SENDER, MODERATOR, VIEWER) on {@code list}; its address. */
	protected String accountWithRole(MailingList list, String role) {
		String email = role.toLowerCase(java.util.Locale.ROOT) + "-" + System.nanoTime() + "@example.org";
		accountService.create(email, role, ROLE_PASSWORD, Role.STAFF);
		database.sql("""
				insert into list_roles (list_id, user_id, role, granted_by)
				select :l, id, :r, 'test' from users where lower(email) = lower(:e)
				""").param("l", list.id()).param("r", role).param("e", email).update();
		return email;
	}

	/**
	 * The STAFF account owns {@code list}, as a STAFF account owned every list when per-list roles came in
	 * (V35): the tests written before roles keep their meaning; the role tests grant their own.
	 */
	protected void ownedByStaff(MailingList list) {
		database.sql("""
				insert into list_roles (list_id, user_id, role, granted_by)
				select :l, id, 'OWNER', 'test' from users where lower(email) = lower(:e)
				on conflict do nothing
				""").param("l", list.id()).param("e", STAFF).update();
	}

	protected void ensureStaff() {
		try {
			accountService.loadUserByUsername(STAFF);
		}
		catch (UsernameNotFoundException ex) {
			accountService.create(STAFF, "Staff", STAFF_PASSWORD, Role.STAFF);
		}
	}

	@Autowired
	private JdbcClient database;

	@Autowired
	private MockMvc pages;

	@Autowired
	private Environment environment;

	/** {@code n} ACTIVE members {@code {prefix}{1..n}@{slug}.example.org}, named "Member N". */
	protected void addMembers(MailingList list, String prefix, int n) {
		database.sql("""
				with s as (
				  insert into subscribers (email, name)
				  select :prefix || g || '@' || :domain, 'Member ' || g from generate_series(1, :n) g returning id)
				insert into memberships (list_id, subscriber_id, status, subscribed_at)
				select :list, id, 'ACTIVE', now() from s
				""").param("prefix", prefix).param("domain", list.slug() + ".example.org").param("n", n)
			.param("list", list.id()).update();
	}

	/** One ACTIVE member with that address and name ("" for none), subscribed now. */
	protected void addMember(MailingList list, String email, String name) {
		database.sql("""
				with s as (insert into subscribers (email, name) values (:e, :n) returning id)
				insert into memberships (list_id, subscriber_id, status, subscribed_at) select :l, id, 'ACTIVE', now() from s
				""").param("e", email).param("n", name).param("l", list.id()).update();
	}

	/** One ACTIVE member with a random address, subscribed at {@code subscribedAt} (e.g. "2026-06-01 17:30+00"). */
	protected void addMemberSince(MailingList list, String subscribedAt) {
		long s = database.sql("insert into subscribers (email) values (md5(random()::text) || '@example.org') returning id")
			.query(Long.class).single();
		database.sql("""
				insert into memberships (list_id, subscriber_id, status, subscribed_at)
				values (:l, :s, 'ACTIVE', cast(:at as timestamptz))
				""").param("l", list.id()).param("s", s).param("at", subscribedAt).update();
	}

	/** Sets the organisation's time zone as an admin does on /admin/settings (tests put it back afterwards). */
	protected void organisationZone(String zone) throws Exception {
		pages.perform(post("/admin/settings").param("timeZone", zone).with(user(ADMIN).roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/settings"));
	}

	/** Sends raw bytes ("\n" line ends) to {@code to} through the app's SMTP listener, envelope from {@code from}. */
	protected void deliverInbound(String from, String to, String raw) throws Exception {
		Properties p = new Properties();
		p.put("mail.smtp.host", "127.0.0.1");
		p.put("mail.smtp.port", environment.getRequiredProperty("local.listserv.inbound.smtp.port"));
		p.put("mail.smtp.from", from);
		Session session = Session.getInstance(p);
		MimeMessage m = new MimeMessage(session,
				new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
		try (Transport t = session.getTransport("smtp")) {
			t.connect();
			t.sendMessage(m, new Address[] { new InternetAddress(to) });
		}
	}

}
