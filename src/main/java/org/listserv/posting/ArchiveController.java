package org.listserv.posting;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.listserv.composing.CampaignService;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.InboundMessage;
import org.listserv.web.InvalidInputException;
import org.listserv.web.NotFoundException;

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
 * each request checks the list's setting: PUBLIC lists show to anyone, with addresses obfuscated; MEMBERS and
 * OFF archives only to a logged-in account (ADMIN or STAFF), anyone else gets the login page or a 404.
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

	ArchiveController(ListService lists, PostingSettings settings, Archive archive, Posts posts,
			CampaignService campaigns) {
		this.lists = lists;
		this.settings = settings;
		this.archive = archive;
		this.posts = posts;
		this.campaigns = campaigns;
	}

	/** The list, if this visitor may read its archive; null means "log in first". */
	private MailingList readable(String slug, Principal user) {
		MailingList list = lists.find(slug).orElseThrow(() -> new NotFoundException("No list " + slug));
		String mode = settings.of(list.id()).archive();
		if (user == null && "OFF".equals(mode)) {
			throw new NotFoundException("This list has no public archive");
		}
		return user == null && "MEMBERS".equals(mode) ? null : list;
	}

	private String page(String slug, Principal user, Model model, String title) {
		model.addAttribute("title", title);
		model.addAttribute("obfuscate", user == null);
		return "archive/" + (title == null ? "index" : "posts");
	}

	@GetMapping("/archive/{slug}")
	String index(@PathVariable String slug, Principal user, Model model) {
		MailingList list = readable(slug, user);
		if (list == null) {
			return "redirect:/login";
		}
		model.addAttribute("list", list);
		model.addAttribute("months", archive.months(list.id()));
		model.addAttribute("campaigns", campaigns.search(slug, "SENT"));
		return page(slug, user, model, null);
	}

	@GetMapping("/archive/{slug}/months/{month}")
	String month(@PathVariable String slug, @PathVariable String month, Principal user, Model model) {
		if (!MONTH.matcher(month).matches()) {
			throw new NotFoundException("Not a month: " + month + " (yyyy-MM)");
		}
		return posts(slug, user, model, "Posts of " + month, l -> archive.month(l.id(), month));
	}

	@GetMapping("/archive/{slug}/threads/{id}")
	String thread(@PathVariable String slug, @PathVariable long id, Principal user, Model model) {
		return posts(slug, user, model, "Thread", l -> {
			List<Post> found = archive.thread(l.id(), id);
			if (found.isEmpty()) {
				throw new NotFoundException("No such thread in the archive");
			}
			return found;
		});
	}

	@GetMapping("/archive/{slug}/search")
	String search(@PathVariable String slug, @RequestParam(defaultValue = "") String q, Principal user, Model model) {
		String query = q.strip();
		if (query.length() > 200) {
			throw new InvalidInputException("q", "The search is limited to 200 characters");
		}
		model.addAttribute("q", query);
		String result = posts(slug, user, model, "Search", l -> query.isEmpty() ? List.of() : archive.search(l.id(), query));
		MailingList list = (MailingList) model.getAttribute("list");
		model.addAttribute("campaigns", list == null || query.isEmpty() ? List.of() : campaigns.searchSent(list.id(), query));
		return result;
	}

	@GetMapping("/archive/{slug}/posts/{id}")
	String post(@PathVariable String slug, @PathVariable long id, Principal user, Model model) {
		String view = posts(slug, user, model, "Message", l -> List.of(archive.post(l.id(), id)
			.orElseThrow(() -> new NotFoundException("No such message in the archive"))));
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
			return "redirect:/login";
		}
		model.addAttribute("list", list);
		List<Post> found = find.apply(list);
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
