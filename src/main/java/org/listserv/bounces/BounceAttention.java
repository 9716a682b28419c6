package org.listserv.bounces;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.listserv.lists.ListService;
import org.listserv.shared.Text;
import org.listserv.web.Attention;

import org.springframework.stereotype.Component;

/**
 * For the home page: the bounce review queue, and a warning for each list whose complaint rate over the last 30
 * days is above the 0.3% that Gmail and Yahoo allow bulk senders.
 */
@Component
class BounceAttention implements Attention {

	static final int DAYS = 30;

	private final BounceReports reports;

	private final ListService lists;

	BounceAttention(BounceReports reports, ListService lists) {
		this.reports = reports;
		this.lists = lists;
	}

	@Override
	public List<Item> attention() {
		List<Item> items = new ArrayList<>();
		long review = reports.count(BounceMessageState.REVIEW);
		if (review > 0) {
			items.add(Item.work(new Text("home.attention.bounce-review"), review, "/admin/bounces/review", true));
		}
		OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusDays(DAYS);
		for (BounceReports.ListComplaints c : reports.complaintsSince(since)) {
			if (c.rate() > BouncePageController.COMPLAINT_LIMIT) {
				lists.findById(c.listId()).ifPresent(l -> items.add(new Item(new Text("home.attention.complaints",
						l.name(), 100.0 * c.rate(), c.complaints(), c.sent(), String.valueOf(DAYS)), c.complaints(),
						"/admin/bounces?list=" + l.slug(), true, true)));
			}
		}
		return items;
	}

}
