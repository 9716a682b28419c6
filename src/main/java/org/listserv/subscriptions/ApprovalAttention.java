package org.listserv.subscriptions;

import java.util.List;

import org.listserv.lists.ListService;
import org.listserv.shared.Text;
import org.listserv.web.Attention;

import org.springframework.stereotype.Component;

/** For the home page: each list's subscriptions waiting for an admin's approval. */
@Component
class ApprovalAttention implements Attention {

	private final Memberships memberships;

	private final ListService lists;

	ApprovalAttention(Memberships memberships, ListService lists) {
		this.memberships = memberships;
		this.lists = lists;
	}

	@Override
	public List<Item> attention() {
		return memberships.approvalCounts().entrySet().stream()
			.flatMap(e -> lists.findById(e.getKey()).stream()
				.map(l -> Item.work(new Text("home.attention.approvals", l.name()), e.getValue(),
						"/admin/lists/" + l.slug() + "/approvals", true)))
			.toList();
	}

}
