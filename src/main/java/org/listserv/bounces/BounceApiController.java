package org.listserv.bounces;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.shared.NotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/bounces?list=&since=} (ADMIN): the totals and the bounce events since a date (default 30
 * days), oldest first, at most {@value #MAX_EVENTS}.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class BounceApiController {

	static final int MAX_EVENTS = 10_000;

	private final BounceReports reports;

	private final ListService lists;

	BounceApiController(BounceReports reports, ListService lists) {
		this.reports = reports;
		this.lists = lists;
	}

	@GetMapping("/api/bounces")
	Map<String, Object> bounces(@RequestParam(required = false) String list,
			@RequestParam(required = false) String since) {
		MailingList selected = list == null || list.isBlank() ? null
				: lists.find(list.strip()).orElseThrow(() -> new NotFoundException(new org.listserv.shared.Text("bounces.error.no-list", list)));
		OffsetDateTime from = BouncePageController.since(since);
		Long listId = selected == null ? null : selected.id();
		List<BounceReports.Event> events = new ArrayList<>();
		reports.events(listId, from, MAX_EVENTS + 1, events::add);
		boolean truncated = events.size() > MAX_EVENTS;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("list", selected == null ? null : selected.slug());
		body.put("since", from);
		body.put("totals", reports.totals(listId, from));
		body.put("events", truncated ? events.subList(0, MAX_EVENTS) : events);
		body.put("truncated", truncated);
		return body;
	}

}
