package org.listserv.home;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.listserv.composing.Campaign;
import org.listserv.composing.CampaignProgress;
import org.listserv.composing.CampaignService;
import org.listserv.composing.CampaignStatus;
import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.lists.MemberCounts;
import org.listserv.web.Attention;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin}: the landing page after login. Staff who are not admins see only the attention items they can
 * act on; everyone sees the sends, the campaigns and the lists.
 */
@Controller
class HomePageController {

	static final int GROWTH_DAYS = 30;

	static final int SHOWN = 10;

	/** A send with its progress (empty before its first delivery is written). */
	record Send(Campaign campaign, MailingList list, CampaignProgress.Progress progress) {
	}

	/** A list's row: active and pending members, and who joined and left in the last 30 days. */
	record ListRow(MailingList list, long active, long pending, MemberCounts.Growth growth) {
	}

	private final List<Attention> attention;

	private final CampaignService campaigns;

	private final ObjectProvider<CampaignProgress> progress;

	private final ListService lists;

	private final MemberCounts counts;

	private final org.listserv.accounts.ListAccess access;

	HomePageController(List<Attention> attention, CampaignService campaigns, ObjectProvider<CampaignProgress> progress,
			ListService lists, MemberCounts counts, org.listserv.accounts.ListAccess access) {
		this.access = access;
		this.attention = attention;
		this.campaigns = campaigns;
		this.progress = progress;
		this.lists = lists;
		this.counts = counts;
	}

	@org.listserv.shared.AnyAccount("the home page shows only the lists the caller holds a role on")
	@GetMapping({ "/admin", "/admin/" })
	String home(Model model, Authentication user) {
		boolean admin = user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
		List<Attention.Item> items = attention.stream()
			.flatMap(a -> a.attention().stream())
			.filter(i -> i.count() > 0 && (admin || !i.adminOnly()))
			.sorted(Comparator.comparing(Attention.Item::warning).reversed())
			.toList();
		model.addAttribute("attention", items);
		List<MailingList> all = access.visible(lists.all(), MailingList::id);
		Map<Long, MailingList> byId = all.stream()
			.collect(java.util.stream.Collectors.toMap(MailingList::id, l -> l));
		model.addAttribute("sends", sends(byId));
		model.addAttribute("scheduled", access.visible(campaigns.search(null, CampaignStatus.SCHEDULED.name()), Campaign::listId).stream()
			.sorted(Comparator.comparing(Campaign::scheduledAt, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList());
		List<Campaign> drafts = access.visible(campaigns.search(null, CampaignStatus.DRAFT.name()), Campaign::listId).stream()
			.sorted(Comparator.comparing(Campaign::updatedAt).reversed())
			.toList();
		model.addAttribute("drafts", drafts.stream().limit(SHOWN).toList());
		model.addAttribute("moreDrafts", Math.max(0, drafts.size() - SHOWN));
		model.addAttribute("listRows", listRows(all));
		model.addAttribute("listNames", byId);
		model.addAttribute("growthDays", GROWTH_DAYS);
		return "home";
	}

	private List<Send> sends(Map<Long, MailingList> byId) {
		CampaignProgress p = progress.getIfAvailable();
		return java.util.stream.Stream
			.concat(access.visible(campaigns.search(null, CampaignStatus.SENDING.name()), Campaign::listId).stream(),
					access.visible(campaigns.search(null, CampaignStatus.PAUSED.name()), Campaign::listId).stream())
			.map(c -> new Send(c, byId.get(c.listId()),
					p == null ? null : p.progress(c.id()).orElse(null)))
			.toList();
	}

	private List<ListRow> listRows(List<MailingList> all) {
		Map<Long, Map<String, Long>> byStatus = counts.countsByList();
		Map<Long, MemberCounts.Growth> growth = counts
			.growthSince(OffsetDateTime.now(ZoneOffset.UTC).minusDays(GROWTH_DAYS));
		return all.stream().map(l -> {
			Map<String, Long> c = Optional.ofNullable(byStatus.get(l.id())).orElse(Map.of());
			return new ListRow(l, c.getOrDefault("ACTIVE", 0L), c.getOrDefault("PENDING", 0L),
					growth.getOrDefault(l.id(), MemberCounts.Growth.NONE));
		}).toList();
	}

}
