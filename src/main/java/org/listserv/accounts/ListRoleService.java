package org.listserv.accounts;

import org.listserv.shared.ListPermission;
import java.util.List;
import java.util.Locale;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Grants and takes back per-list roles; the caller must hold {@link ListPermission#ROLES} on the list. */
@Service
public class ListRoleService {

	private final ListRoles roles;

	private final Accounts accounts;

	private final ListAccess access;

	ListRoleService(ListRoles roles, Accounts accounts, ListAccess access) {
		this.roles = roles;
		this.accounts = accounts;
		this.access = access;
	}

	/** Who holds which role on the list. */
	public List<ListRoles.Grant> grants(String slug) {
		access.require(slug, ListPermission.ROLES);
		return roles.grants(listId(slug));
	}

	/** Gives the account {@code email} the role {@code role} on the list, replacing the one it held. */
	@Transactional
	public ListRoles.Grant put(String slug, String email, String role, String by) {
		access.require(slug, ListPermission.ROLES);
		long list = listId(slug);
		ListRole wanted = parse(role);
		Account account = account(email);
		if (account.role() == Role.ADMIN) {
			throw new InvalidInputException("email", new Text("accounts.roles.error.admin", account.email()));
		}
		roles.put(list, account.id(), wanted, by);
		return roles.grants(list).stream().filter(g -> g.email().equalsIgnoreCase(account.email())).findFirst()
			.orElseThrow();
	}

	/** Takes the account's role on the list back; false if it held none. */
	@Transactional
	public boolean remove(String slug, String email) {
		access.require(slug, ListPermission.ROLES);
		return roles.remove(listId(slug), account(email).id());
	}

	private long listId(String slug) {
		return roles.listId(slug).orElseThrow(() -> new NotFoundException(new Text("lists.error.not-found", slug)));
	}

	private Account account(String email) {
		return accounts.findByEmail(email == null ? "" : email.strip())
			.orElseThrow(() -> new NotFoundException(new Text("accounts.roles.error.no-account", String.valueOf(email))));
	}

	static ListRole parse(String role) {
		try {
			return ListRole.valueOf(role == null ? "" : role.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("role", new Text("accounts.roles.error.role"));
		}
	}

}
