package org.listserv.web;

import java.util.List;

import org.listserv.shared.Text;

/**
 * Something that may need a person's attention, for the home page ({@code /admin}): each capability that
 * keeps such things (held posts, failed notices, the bounce review queue, ...) contributes a bean, and
 * counts them in its own tables.
 */
public interface Attention {

	/** What needs attention now; empty when nothing does. */
	List<Item> attention();

	/**
	 * One thing to look at.
	 *
	 * @param label what it is, as a bundle text staff read in their language ("Posts held for moderation on Peace News")
	 * @param count how many
	 * @param href the page where it is dealt with
	 * @param adminOnly whether only an admin can act on it (staff who are not admins do not see it)
	 * @param warning a warning rather than work waiting (a complaint rate over the limit)
	 */
	record Item(Text label, long count, String href, boolean adminOnly, boolean warning) {

		public static Item work(Text label, long count, String href, boolean adminOnly) {
			return new Item(label, count, href, adminOnly, false);
		}

	}

}
