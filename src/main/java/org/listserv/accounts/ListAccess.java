package org.listserv.accounts;

import org.listserv.shared.ListPermission;
import java.util.Optional;
import java.util.Set;

import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Who may do what on a list: ADMIN accounts everything on every list; anyone else what their
 * {@link ListRole} on that list permits. A list the caller holds no role on does not exist for them (404,
 * the same answer as a list that does not exist, so short names cannot be probed); a role too low for the
 * action is 403.
 */
@Service
public class ListAccess {

	private final ListRoles roles;

	private final Accounts accounts;

	ListAccess(ListRoles roles, Accounts accounts) {
		this.roles = roles;
		this.accounts = accounts;
	}

	/**
	 * Who moderates the list: its MODERATORs, else its OWNERs, else the admins (enabled accounts only): who is
	 * told of a held post.
	 */
	public java.util.List<String> moderatorsOf(long listId) {
		java.util.List<String> moderators = roles.emails(listId, ListRole.MODERATOR);
		if (moderators.isEmpty()) {
			moderators = roles.emails(listId, ListRole.OWNER);
		}
		if (moderators.isEmpty()) {
			moderators = accounts.all().stream().filter(a -> a.enabled() && a.role() == Role.ADMIN)
				.map(Account::email).toList();
		}
		return moderators;
	}

	/**
	 * Checks that the caller may do {@code permission} on the list {@code slug}.
	 * @throws NotFoundException when there is no such list or the caller holds no role on it
	 * @throws AccessDeniedException when their role does not permit it
	 */
	public void require(String slug, ListPermission permission) {
		require(slug, permission, new Text("lists.error.not-found", slug));
	}

	/**
	 * As {@link #require(String, ListPermission)}, saying {@code notFound} when the caller holds no role on the
	 * list: for a resource named by its id, whose list's name the caller must not learn.
	 */
	public void require(String slug, ListPermission permission, Text notFound) {
		Authentication who = SecurityContextHolder.getContext().getAuthentication();
		if (isAdmin(who)) {
			return;
		}
		ListRole role = roleOf(slug, who).orElseThrow(() -> new NotFoundException(notFound));
		if (!role.permits(permission)) {
			throw new AccessDeniedException("The role " + role + " on " + slug + " does not permit " + permission);
		}
	}

	/** Whether the caller may do {@code permission} on the list {@code slug} (for showing a link or a form). */
	public boolean may(String slug, ListPermission permission) {
		Authentication who = SecurityContextHolder.getContext().getAuthentication();
		return isAdmin(who) || roleOf(slug, who).filter(r -> r.permits(permission)).isPresent();
	}

	/** The caller's role on the list; empty for none (and for an admin, who holds them all). */
	public Optional<ListRole> role(String slug) {
		return roleOf(slug, SecurityContextHolder.getContext().getAuthentication());
	}

	/** The ids of the lists the caller may see; empty for an admin, who sees every list. */
	public Optional<Set<Long>> visibleLists() {
		Authentication who = SecurityContextHolder.getContext().getAuthentication();
		if (isAdmin(who)) {
			return Optional.empty();
		}
		return Optional.of(who == null ? Set.of() : Set.copyOf(roles.listIds(who.getName())));
	}

	/** The items on lists the caller may see, in their order; all of them for an admin. */
	public <T> java.util.List<T> visible(java.util.List<T> items, java.util.function.ToLongFunction<T> listId) {
		Optional<Set<Long>> visible = visibleLists();
		return visible.isEmpty() ? items
				: items.stream().filter(i -> visible.get().contains(listId.applyAsLong(i))).toList();
	}

	private Optional<ListRole> roleOf(String slug, Authentication who) {
		if (who == null || !who.isAuthenticated() || slug == null) {
			return Optional.empty();
		}
		return roles.listId(slug).flatMap(id -> roles.role(id, who.getName()));
	}

	/**
	 * An admin holds every role on every list. That is the account's, not the request's: an admin's API token
	 * without the scope {@code admin} lacks ROLE_ADMIN (it may not do what only admins do) but still acts on the
	 * lists, within its other scopes.
	 */
	private boolean isAdmin(Authentication who) {
		if (who == null || !who.isAuthenticated()) {
			return false;
		}
		return who.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))
				|| accounts.findByEmail(who.getName()).filter(a -> a.enabled() && a.role() == Role.ADMIN).isPresent();
	}

}
