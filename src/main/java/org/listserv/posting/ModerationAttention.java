package org.listserv.posting;

import java.util.List;

import org.listserv.lists.ListService;
import org.listserv.shared.Text;
import org.listserv.web.Attention;

import org.springframework.stereotype.Component;

/** For the home page: each list's posts held for moderation (staff and admins decide them). */
@Component
class ModerationAttention implements Attention {

	private final Posts posts;

	private final ListService lists;

	ModerationAttention(Posts posts, ListService lists) {
		this.posts = posts;
		this.lists = lists;
	}

	@Override
	public List<Item> attention() {
		return posts.heldCounts().entrySet().stream()
			.flatMap(e -> lists.findById(e.getKey()).stream()
				.map(l -> Item.work(new Text("home.attention.held-posts", l.name()), e.getValue(),
						"/admin/lists/" + l.slug() + "/moderation", false)))
			.toList();
	}

}
