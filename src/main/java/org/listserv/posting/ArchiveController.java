package org.listserv.posting;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.google.re2j.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.listserv.composing.CampaignService;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.InboundMessage;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The web archive of a list: {@code /archive/{slug}} (months, sent campaigns, search form),
 * {@code /months/{yyyy-MM}} (posts by thread), {@code /threads/{id}}, {@code /posts/{id}} (with its attachments
 * listed), {@code /search?q=} (full text), and {@code /mbox} for admins. {@code /archive/**} needs no login;
 * each request checks the list's setting: PUBLIC lists show to anyone, with addresses obfuscated; MEMBERS
 * archives to a logged-in account (ADMIN or STAFF) and to members who opened the link mailed to them
 * ({@code /access}, {@link ArchiveAccess}); OFF archives to accounts only (anyone else gets a 404).
 */
@Controller
class ArchiveController {

	private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

	private final ListService lists;

	private final PostingSettings settings;

	private final Archive archive;

	private final Posts posts;

	private final CampaignService campaigns;

	private final ArchiveAccess access;

	private final org.listserv.web.RateLimits limits;

	private final org.listserv.subscriptions.SubscriptionsProperties subscriptions;

	ArchiveController(ListService lists, PostingSettings settings, Archive archive, Posts posts,
			CampaignService campaigns, ArchiveAccess access, org.listserv.web.RateLimits limits,
			org.listserv.subscriptions.SubscriptionsProperties subscriptions) {
		this.access = access;
		this.limits = limits;
		this.subscriptions = subscriptions;
		this.lists = lists;
		this.settings = settings;
		this.archive = archive;
		this.posts = posts;
		this.campaigns = campaigns;
	}

	/**
	 * The list, if this visitor may read its archive: anyone for PUBLIC, staff and members holding the access
	 * cookie ({@link ArchiveAccess}) for MEMBERS, staff for OFF; null means "show the members-only page".
	 */
	private MailingList readable(String slug, Principal user) {
		MailingList list = lists.find(slug).orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("posting.archive.error.no-list", slug)));
		String mode = settings.of(list.id()).archive();
		if (user == null && "OFF".equals(mode)) {
			throw new NotFoundException(new org.listserv.shared.Text("posting.archive.error.not-public"));
		}
		if (user == null && "MEMBERS".equals(mode)) {
			return access.admits(list, cookie()) ? list : null;
		}
		return list;
	}

	private static String cookie() {
		jakarta.servlet.http.Cookie[] cookies = ((org.springframework.web.context.request.ServletRequestAttributes) org.springframework.web.context.request.RequestContextHolder
			.currentRequestAttributes()).getRequest().getCookies();
		if (cookies != null) {
			for (jakarta.servlet.http.Cookie c : cookies) {
				if (ArchiveAccess.COOKIE.equals(c.getName())) {
					return c.getValue();
				}
			}
		}
		return null;
	}

	/** The page a visitor of a members-only archive sees: members ask for a link, staff log in. */
	private String membersOnly(String slug, Model model) {
		MailingList list = lists.get(slug);
		org.listserv.web.PageLanguage.list(list.language());
		model.addAttribute("list", list);
		return "archive/members-only";
	}

	/** A member asks for the link; the answer is the same for anyone (no way to learn who is a member). */
	@org.springframework.web.bind.annotation.PostMapping("/archive/{slug}/access")
	String requestAccess(@PathVariable String slug, @RequestParam(defaultValue = "") String email,
			jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, Model model) {
		MailingList list = lists.find(slug).orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("posting.archive.error.no-list", slug)));
		if (!"MEMBERS".equals(settings.of(list.id()).archive())) {
			throw new NotFoundException(new org.listserv.shared.Text("posting.archive.error.not-members-only"));
		}
		model.addAttribute("list", list);
		org.listserv.web.PageLanguage.list(list.language());
		if (!limits.tryAcquire("archive-access:" + request.getRemoteAddr(), subscriptions.subscribePerClientPerMinute(),
				java.time.Duration.ofMinutes(1))) {
			response.setStatus(429);
			model.addAttribute("error", "posting.archive.error.too-many");
			return "archive/members-only";
		}
		access.sendLink(list, email.length() > 320 ? "" : email);
		model.addAttribute("sent", true);
		return "archive/members-only";
	}

	/** The link from the mail: leaves the access cookie for this list's archive and opens it. */
	@GetMapping("/archive/{slug}/access/{token}")
	String enter(@PathVariable String slug, @PathVariable String token, jakarta.servlet.http.HttpServletRequest request,
			HttpServletResponse response, Model model) {
		MailingList list = lists.find(slug).orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("posting.archive.error.no-list", slug)));
		if (!access.admits(list, token)) {
			response.setStatus(400);
			model.addAttribute("list", list);
			org.listserv.web.PageLanguage.list(list.language());
			model.addAttribute("error", "posting.archive.error.bad-link");
			return "archive/members-only";
		}
		org.springframework.http.ResponseCookie cookie = org.springframework.http.ResponseCookie
			.from(ArchiveAccess.COOKIE, token)
			.path("/archive/" + slug)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.maxAge(ArchiveAccess.VALIDITY)
			.build();
		response.addHeader(org.springframework.http.HttpHeaders.SET_COOKIE, cookie.toString());
		return "redirect:/archive/" + slug;
	}

	/** {@code title}: the bundle key of the heading (null: the index), with {@code titleArg} its value. */
	private String page(String slug, Principal user, Model model, String title) {
		if (model.getAttribute("list") instanceof MailingList list) {
			org.listserv.web.PageLanguage.list(list.language());
		}
		model.addAttribute("title", title);
		if (!model.containsAttribute("titleArg")) {
			model.addAttribute("titleArg", "");
		}
		model.addAttribute("obfuscate", user == null);
		return "archive/" + (title == null ? "index" : "posts");
	}

	@GetMapping("/archive/{slug}")
	String index(@PathVariable String slug, Principal user, Model model) {
		MailingList list = readable(slug, user);
		if (list == null) {
			return membersOnly(slug, model);
		}
		model.addAttribute("list", list);
		model.addAttribute("months", archive.months(list.id()));
		model.addAttribute("campaigns", campaigns.search(slug, "SENT"));
		return page(slug, user, model, null);
	}

	@GetMapping("/archive/{slug}/months/{month}")
	String month(@PathVariable String slug, @PathVariable String month, Principal user, Model model) {
		if (!MONTH.matcher(month).matches()) {
			throw new NotFoundException(new org.listserv.shared.Text("posting.archive.error.not-a-month", month));
		}
		model.addAttribute("titleArg", month);
		return posts(slug, user, model, "posting.archive.heading.month", l -> archive.month(l.id(), month));
	}

	@GetMapping("/archive/{slug}/threads/{id}")
	String thread(@PathVariable String slug, @PathVariable long id, Principal user, Model model) {
		return posts(slug, user, model, "posting.archive.heading.thread", l -> {
			List<Post> found = archive.thread(l.id(), id);
			if (found.isEmpty()) {
				throw new NotFoundException(new org.listserv.shared.Text("posting.archive.error.no-thread"));
			}
			return found;
		});
	}

	@GetMapping("/archive/{slug}/search")
	String search(@PathVariable String slug, @RequestParam(defaultValue = "") String q, Principal user, Model model) {
		String query = q.strip();
		if (query.length() > 200) {
			throw new InvalidInputException("q", new org.listserv.shared.Text("posting.archive.error.search-too-long"));
		}
		model.addAttribute("q", query);
		String result = posts(slug, user, model, "posting.archive.heading.search", l -> query.isEmpty() ? List.of() : archive.search(l.id(), l.language(), query));
		MailingList list = (MailingList) model.getAttribute("list");
		model.addAttribute("campaigns", list == null || query.isEmpty() ? List.of() : campaigns.searchSent(list.id(), query));
		return result;
	}

	@GetMapping("/archive/{slug}/posts/{id}")
	String post(@PathVariable String slug, @PathVariable long id, Principal user, Model model) {
		String view = posts(slug, user, model, "posting.archive.heading.message", l -> List.of(archive.post(l.id(), id)
			.orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("posting.archive.error.no-message")))));
		if (model.getAttribute("list") != null) {
			model.addAttribute("attachments", InboundMessage.parse(posts.raw(id)).attachmentNames());
			model.addAttribute("single", true);
		}
		return view;
	}

	/** mbox (mboxrd: "From " lines in bodies quoted) of every distributed post, for admins. */
	@GetMapping("/archive/{slug}/mbox")
	@PreAuthorize("hasRole('ADMIN')")
	void mbox(@PathVariable String slug, HttpServletResponse response) throws IOException {
		MailingList list = lists.get(slug);
		response.setContentType("application/mbox");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + slug + ".mbox\"");
		OutputStream out = response.getOutputStream();
		DateTimeFormatter asctime = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);
		archive.eachRaw(list.id(), p -> {
			try {
				out.write(("From " + (p.sender().isBlank() ? "MAILER-DAEMON" : p.sender()) + " "
						+ asctime.format(p.at().atZoneSameInstant(java.time.ZoneOffset.UTC)) + "\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.write(Mbox.escape(p.raw()));
				out.write('\n');
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		out.flush();
	}

	private String posts(String slug, Principal user, Model model, String title,
			java.util.function.Function<MailingList, List<Post>> find) {
		MailingList list = readable(slug, user);
		if (list == null) {
			return membersOnly(slug, model);
		}
		model.addAttribute("list", list);
		List<Post> found = find.apply(list).stream().map(Post::shown).toList();
		model.addAttribute("posts", user == null ? found.stream().map(ArchiveController::obfuscated).toList() : found);
		return page(slug, user, model, title);
	}

	/** For the public: {@code a…@example.org} for every address, in the sender and the text. */
	static Post obfuscated(Post p) {
		return new Post(p.id(), p.listId(), p.status(), hide(p.sender()), hide(p.senderName()), hide(p.subject()),
				null, null, p.threadRootId(), hide(p.bodyText()), "[]", null, null, null, null, p.receivedAt(), null,
				p.distributedAt());
	}

	static String hide(String text) {
		return text == null ? null : EMAIL.matcher(text).replaceAll("$1…@$2");
	}

}
