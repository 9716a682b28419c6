package org.listserv.bounces;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.listserv.web.CsvCells;
import org.listserv.web.SvgBarChart;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.shared.ConflictException;
import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bounce pages (ADMIN only): the dashboard {@code /admin/bounces} (every list, or one with
 * {@code ?list=slug}), the CSV export, a member's bounce history with the evidence and re-enable, the raw
 * message, the review queue with its decisions, and running the job now.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class BouncePageController {

	static final double COMPLAINT_LIMIT = 0.003;

	/** The states the review page offers, in the order of its menu. */
	private static final List<BounceMessageState> REVIEW_STATES = List.of(BounceMessageState.REVIEW,
			BounceMessageState.ASSIGNED, BounceMessageState.NOT_BOUNCE, BounceMessageState.DISCARDED,
			BounceMessageState.QUEUED, BounceMessageState.PROCESSED);

	private final BounceReports reports;

	private final BounceAdmin admin;

	private final ListService lists;

	private final ProcessBounces job;

	private final org.listserv.shared.Texts texts;

	BouncePageController(BounceReports reports, BounceAdmin admin, ListService lists, ProcessBounces job,
			org.listserv.shared.Texts texts) {
		this.texts = texts;
		this.reports = reports;
		this.admin = admin;
		this.lists = lists;
		this.job = job;
	}

	@GetMapping("/admin/bounces")
	String dashboard(@RequestParam(required = false) String list, @RequestParam(defaultValue = "30") int days,
			Model model) {
		MailingList selected = list(list);
		Long listId = selected == null ? null : selected.id();
		int span = Math.max(1, Math.min(days, 366));
		LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(span - 1L);
		OffsetDateTime since = from.atStartOfDay().atOffset(ZoneOffset.UTC);
		List<BounceReports.CampaignRates> newestFirst = reports.campaigns(listId, 20);
		List<BounceReports.CampaignRates> campaigns = new java.util.ArrayList<>(newestFirst);
		java.util.Collections.reverse(campaigns);
		List<BounceReports.Day> timeline = reports.days(listId, from);
		Locale language = LocaleContextHolder.getLocale();
		List<String> campaignLabels = campaigns.stream().map(c -> "#" + c.id() + " " + c.subject()).toList();
		List<String> dayLabels = timeline.stream().map(d -> d.day().toString()).toList();
		model.addAttribute("list", selected);
		model.addAttribute("lists", lists.all());
		model.addAttribute("days", span);
		model.addAttribute("totals", reports.totals(listId, since));
		model.addAttribute("campaigns", newestFirst);
		model.addAttribute("campaignBounceChart", SvgBarChart.render(texts.get("bounces.chart.campaign-bounces"), campaignLabels,
				campaigns.stream().map(BounceReports.CampaignRates::bounceRate).toList(), null, null, "bounces", texts.get("bounces.chart.no-data"), language));
		model.addAttribute("campaignComplaintChart", SvgBarChart.render(texts.get("bounces.chart.campaign-complaints"),
				campaignLabels, campaigns.stream().map(BounceReports.CampaignRates::complaintRate).toList(),
				COMPLAINT_LIMIT, texts.get("bounces.chart.limit"), "complaints", texts.get("bounces.chart.no-data"), language));
		model.addAttribute("dayBounceChart", SvgBarChart.render(texts.get("bounces.chart.day-bounces"), dayLabels,
				timeline.stream().map(BounceReports.Day::bounceRate).toList(), null, null, "bounces", texts.get("bounces.chart.no-data"), language));
		model.addAttribute("dayComplaintChart", SvgBarChart.render(texts.get("bounces.chart.day-complaints"), dayLabels,
				timeline.stream().map(BounceReports.Day::complaintRate).toList(), COMPLAINT_LIMIT,
				texts.get("bounces.chart.limit"), "complaints", texts.get("bounces.chart.no-data"), language));
		model.addAttribute("complaintLimit", COMPLAINT_LIMIT);
		model.addAttribute("reasons", reports.topReasons(listId, since, 10));
		model.addAttribute("domains", reports.topDomains(listId, since, 10));
		model.addAttribute("actions", reports.actions(listId, 20));
		model.addAttribute("reviewCount", reports.count(BounceMessageState.REVIEW));
		model.addAttribute("queuedCount", reports.count(BounceMessageState.QUEUED));
		return "bounces";
	}

	@PostMapping("/admin/bounces/run")
	String run(@RequestParam(required = false) String list, RedirectAttributes flash) {
		BatchStatus status = job.run();
		if (status == null) {
			flash.addFlashAttribute("error", texts.get("bounces.run.busy"));
		}
		else if (status == BatchStatus.COMPLETED) {
			flash.addFlashAttribute("notice", texts.get("bounces.run.done", status.name()));
		}
		else {
			flash.addFlashAttribute("error", texts.get("bounces.run.failed", status.name()));
		}
		return list == null || list.isBlank() ? "redirect:/admin/bounces" : "redirect:/admin/bounces?list=" + list;
	}

	@GetMapping("/admin/bounces.csv")
	void csv(@RequestParam(required = false) String list, @RequestParam(required = false) String since,
			HttpServletResponse response) throws IOException {
		MailingList selected = list(list);
		OffsetDateTime from = since(since);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"bounces"
				+ (selected == null ? "" : "-" + selected.slug()) + ".csv\"");
		Writer out = response.getWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
			.setHeader("created_at", "list", "email", "campaign_id", "source", "kind", "classification", "reason",
					"status", "reply_code", "counted", "score", "action", "diagnostic")
			.get())) {
			IOException[] failed = new IOException[1];
			reports.events(selected == null ? null : selected.id(), from, 1_000_000, e -> {
				if (failed[0] != null) {
					return;
				}
				try {
					csv.printRecord(e.createdAt(), CsvCells.neutral(e.list()), CsvCells.neutral(e.email()),
							e.campaignId(), e.source(), e.kind(), e.classification(), CsvCells.neutral(e.reason()),
							CsvCells.neutral(e.status()), e.replyCode(), e.counted(), e.score(), e.action(),
							CsvCells.neutral(e.diagnostic()));
				}
				catch (IOException ex) {
					failed[0] = ex;
				}
			});
			if (failed[0] != null) {
				throw failed[0];
			}
		}
	}

	@GetMapping("/admin/bounces/members/{subscriberId}")
	String member(@PathVariable long subscriberId, Model model) {
		String email = reports.email(subscriberId).orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("bounces.error.no-subscriber", String.valueOf(subscriberId))));
		model.addAttribute("subscriberId", subscriberId);
		model.addAttribute("email", email);
		model.addAttribute("memberships", reports.memberStates(subscriberId));
		model.addAttribute("events", reports.history(subscriberId));
		return "bounce-member";
	}

	@PostMapping("/admin/bounces/members/{subscriberId}/reenable")
	String reenable(@PathVariable long subscriberId, @RequestParam String list, Principal me,
			HttpServletRequest request, RedirectAttributes flash) {
		try {
			admin.reenable(list, subscriberId, me.getName(), request.getRemoteAddr());
			flash.addFlashAttribute("notice", texts.get("bounces.member.reenabled", list));
		}
		catch (ConflictException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
		}
		return "redirect:/admin/bounces/members/" + subscriberId;
	}

	@GetMapping("/admin/bounces/raw/{inboundMessageId}")
	ResponseEntity<byte[]> raw(@PathVariable long inboundMessageId) {
		byte[] raw = reports.raw(inboundMessageId)
			.orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("bounces.error.no-message", String.valueOf(inboundMessageId))));
		// the bytes as received; shown as text (a browser never renders or runs them)
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "plain", StandardCharsets.ISO_8859_1))
			.header("X-Content-Type-Options", "nosniff")
			.body(raw);
	}

	@GetMapping("/admin/bounces/review")
	String review(@RequestParam(required = false) String state, Model model) {
		BounceMessageState wanted = REVIEW_STATES.stream()
			.filter(s -> s.name().equals(state))
			.findFirst()
			.orElse(BounceMessageState.REVIEW);
		model.addAttribute("state", wanted);
		model.addAttribute("states", REVIEW_STATES);
		model.addAttribute("items", reports.review(wanted, 200));
		return "bounce-review";
	}

	@PostMapping("/admin/bounces/review/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(required = false) String email,
			@RequestParam(required = false) String list, Principal me, RedirectAttributes flash) {
		try {
			BounceProcessing.Result r = admin.assign(id, email, list, me.getName());
			flash.addFlashAttribute("notice", texts.get("bounces.review.recorded", String.valueOf(id), r.note()));
		}
		catch (InvalidInputException | ConflictException | NotFoundException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
		}
		return "redirect:/admin/bounces/review";
	}

	@PostMapping("/admin/bounces/review/{id}/not-bounce")
	String notBounce(@PathVariable long id, Principal me, RedirectAttributes flash) {
		return decide(id, BounceMessageState.NOT_BOUNCE, me, flash);
	}

	@PostMapping("/admin/bounces/review/{id}/discard")
	String discard(@PathVariable long id, Principal me, RedirectAttributes flash) {
		return decide(id, BounceMessageState.DISCARDED, me, flash);
	}

	private String decide(long id, BounceMessageState verdict, Principal me, RedirectAttributes flash) {
		try {
			admin.decide(id, verdict, me.getName());
			flash.addFlashAttribute("notice", texts.get("bounces.review.decided", String.valueOf(id), texts.get("bounces.message-state." + verdict.name())));
		}
		catch (ConflictException ex) {
			flash.addFlashAttribute("error", texts.of(ex));
		}
		return "redirect:/admin/bounces/review";
	}

	private MailingList list(String slug) {
		if (slug == null || slug.isBlank()) {
			return null;
		}
		return lists.find(slug.strip()).orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("bounces.error.no-list", slug)));
	}

	/** A date (2026-01-31) or a time with offset; default: 30 days ago. */
	static OffsetDateTime since(String raw) {
		if (raw == null || raw.isBlank()) {
			return OffsetDateTime.now(ZoneOffset.UTC).minusDays(30);
		}
		try {
			return raw.length() <= 10 ? LocalDate.parse(raw.strip()).atStartOfDay().atOffset(ZoneOffset.UTC)
					: OffsetDateTime.parse(raw.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("since", new org.listserv.shared.Text("bounces.error.since"));
		}
	}

}
