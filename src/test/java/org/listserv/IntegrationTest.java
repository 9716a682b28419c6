package org.listserv;

import java.util.concurrent.atomic.AtomicInteger;

import org.listserv.accounts.AccountService;
import org.listserv.accounts.Role;
import org.listserv.lists.ListRequest;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the integration tests: the whole application on the real embedded PostgreSQL (one per test
 * JVM, shared by every test class through Spring's context cache), on a random port. Tests share the
 * database, so each one makes its own lists with {@link #newList}.
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

	@Autowired
	protected ListService listService;

	@Autowired
	protected AccountService accountService;

	protected MailingList newList(String kind) {
		ensureStaff();
		String slug = "t" + ProcessHandle.current().pid() % 1000 + "-" + counter.incrementAndGet() + "-"
				+ Long.toString(System.nanoTime() % 100_000, 36);
		return listService.create(new ListRequest(slug, "Test list " + slug, kind, null, null, null, null, null, null,
				null));
	}

	protected void ensureStaff() {
		try {
			accountService.loadUserByUsername(STAFF);
		}
		catch (UsernameNotFoundException ex) {
			accountService.create(STAFF, "Staff", STAFF_PASSWORD, Role.STAFF);
		}
	}

}
