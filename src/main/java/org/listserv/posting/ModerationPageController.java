package org.listserv.posting;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.listserv.lists.ListService;
import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;
import org.listserv.web.Confirmation;
import org.listserv.web.FormErrors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/lists/{slug}/moderation}: the posts held for a list, each with the rules' verdicts; ADMIN and
 * STAFF approve, approve and always accept the sender, reject with a reason, or discard.
 */
@Controller
class ModerationPageController {

	private final ListService lists;

	private final ModerationService moderation;

	private final PostingSettings settings;

	private final org.listserv.shared.Texts texts;

	private final HoldReasons holdReasons;

	ModerationPageController(ListService lists, ModerationService moderation, PostingSettings settings,
			org.listserv.shared.Texts texts, HoldReasons holdReasons) {
		this.holdReasons = holdReasons;
		this.texts = texts;
		this.lists = lists;
		this.moderation = moderation;
		this.settings = settings;
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MODERATE)
	@GetMapping("/admin/lists/{slug}/moderation")
	String queue(@PathVariable String slug, Model model) {
		org.listserv.lists.MailingList list = lists.get(slug);
		model.addAttribute("list", list);
		List<Post> held = moderation.held(slug).stream().map(Post::shown).toList();
		model.addAttribute("held", held);
		Locale language = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		model.addAttribute("holdReasons", held.stream().collect(java.util.stream.Collectors.toMap(Post::id,
				p -> holdReasons.of(p, language))));
		model.addAttribute("holdReasonsInEnglish", held.stream().filter(p -> !holdReasons.translated(p))
			.map(Post::id).collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("settings", settings.of(list.id()));
		return "moderation";
	}

	/** The labels of the posting-settings form's fields, for its errors. */
	private java.util.Map<String, String> settingsLabels() {
		return java.util.Map.of("subjectPrefix", texts.get("posting.settings.prefix"), "maxSize",
				texts.get("posting.settings.error.size-label"), "maxRecipients",
				texts.get("posting.settings.error.recipients-label"));
	}

	/**
	 * The list's posting settings (admins): prefix, Reply-To, limits, emergency moderation, archive, digests. A
	 * wrong value shows the form again (400) with the error beside its field and the values as typed.
	 */
	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MODERATE)
	@PostMapping("/admin/lists/{slug}/posting-settings")
	String saveSettings(@PathVariable String slug, @RequestParam(required = false) String subjectPrefix,
			@RequestParam(defaultValue = "false") boolean defaultPrefix, @RequestParam String replyTo,
			@RequestParam String maxSize, @RequestParam String maxRecipients,
			@RequestParam(defaultValue = "false") boolean emergencyModeration, @RequestParam String archive,
			@RequestParam String digestFrequency, Model model, HttpServletResponse response, RedirectAttributes flash) {
		org.listserv.lists.MailingList list = lists.get(slug);
		String prefix = defaultPrefix ? null : (subjectPrefix == null ? "" : subjectPrefix.strip());
		try {
			if (prefix != null && (prefix.length() > 40 || prefix.chars().anyMatch(c -> c < 32))) {
				throw new InvalidInputException("subjectPrefix", new Text("posting.settings.error.prefix"));
			}
			oneOf("replyTo", replyTo, "posting.settings.error.reply-to", "SENDER", "LIST");
			oneOf("archive", archive, "posting.settings.error.archive", "PUBLIC", "MEMBERS", "OFF");
			oneOf("digestFrequency", digestFrequency, "posting.settings.error.digest", "DAILY", "WEEKLY");
			int size = whole("maxSize", maxSize, "posting.settings.error.size-number");
			if (size < 1024 || size > 100 * 1024 * 1024) {
				throw new InvalidInputException("maxSize", new Text("posting.settings.error.size-range"));
			}
			int recipients = whole("maxRecipients", maxRecipients, "posting.settings.error.recipients-number");
			if (recipients < 1 || recipients > 1000) {
				throw new InvalidInputException("maxRecipients", new Text("posting.settings.error.recipients-range"));
			}
			settings.save(list.id(), new PostSettings(prefix, replyTo, size, recipients, emergencyModeration,
					archive, digestFrequency));
		}
		catch (InvalidInputException ex) {
			java.util.Map<String, String> typed = new java.util.HashMap<>();
			typed.put("subjectPrefix", subjectPrefix);
			typed.put("maxSize", maxSize);
			typed.put("maxRecipients", maxRecipients);
			FormErrors errors = FormErrors.of("posting-settings", ex, settingsLabels(), typed);
			model.addAttribute("settingsErrors", errors);
			model.addAttribute("error", errors.summary());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return queue(slug, model);
		}
		flash.addFlashAttribute("notice", texts.get("posting.settings.saved"));
		return "redirect:/admin/lists/" + slug + "/moderation";
	}

	private static void oneOf(String field, String value, String key, String... allowed) {
		if (!java.util.Arrays.asList(allowed).contains(value)) {
			throw new InvalidInputException(field, new Text(key));
		}
	}

	private static int whole(String field, String value, String key) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, new Text(key));
		}
	}

	/** "Discard and ban": the post is gone and the sender can never post again; null when the post is not held. */
	private Confirmation banConfirmation(String slug, long id) {
		return moderation.held(slug)
			.stream()
			.filter(p -> p.id() == id)
			.findFirst()
			.map(p -> Confirmation
				.of(texts.get("posting.moderation.ban-question", p.sender(), lists.get(slug).name()),
						"/admin/lists/" + slug + "/moderation/" + id, "/admin/lists/" + slug + "/moderation")
				.field("action", "ban")
				.detail(texts.get("posting.moderation.subject"),
						p.subject().isEmpty() ? texts.get("posting.archive.no-subject") : p.subject())
				.detail(texts.get("posting.moderation.from"), p.sender())
				.detail(texts.get("posting.moderation.ban-consequence"))
				.button(texts.get("posting.moderation.ban-button")))
			.orElse(null);
	}

	@org.listserv.shared.OnList(org.listserv.shared.ListPermission.MODERATE)
	@PostMapping("/admin/lists/{slug}/moderation/{id}")
	String decide(@PathVariable String slug, @PathVariable long id, @RequestParam String action,
			@RequestParam(required = false) String reason, Principal me, HttpServletRequest request, Model model,
			RedirectAttributes flash) {
		ModerationService.Action a;
		try {
			a = ModerationService.Action.valueOf(action.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("action", new Text("posting.moderation.error.action"));
		}
		if (a == ModerationService.Action.REJECT && (reason == null || reason.isBlank())) {
			flash.addFlashAttribute("error", texts.get("posting.moderation.reason-needed", Long.toString(id)));
			return "redirect:/admin/lists/" + slug + "/moderation";
		}
		if (a == ModerationService.Action.BAN) {
			Confirmation confirmation = banConfirmation(slug, id);
			if (confirmation != null && !confirmation.givenIn(request)) {
				return confirmation.page(model);
			}
		}
		try {
			flash.addFlashAttribute("notice", "Post " + id + " " + moderation.decide(slug, id, a,
					reason == null ? null : reason.strip(), me.getName()));
		}
		catch (ConflictException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
		}
		return "redirect:/admin/lists/" + slug + "/moderation";
	}

}
