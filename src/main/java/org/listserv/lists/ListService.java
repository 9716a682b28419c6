package org.listserv.lists;

import java.util.List;
import java.util.Optional;

import org.listserv.shared.ConflictException;
import org.listserv.shared.Languages;
import org.listserv.shared.NotFoundException;
import org.listserv.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists and their settings: the public service other capabilities use. */
@Service
public class ListService {

	private final Lists lists;

	private final Languages languages;

	ListService(Lists lists, Languages languages) {
		this.lists = lists;
		this.languages = languages;
	}

	public List<MailingList> all() {
		return lists.all();
	}

	public Optional<MailingList> find(String slug) {
		return lists.findBySlug(slug);
	}

	/** The list with this id, deleted or not: for showing history. */
	public Optional<MailingList> findById(long id) {
		return lists.findById(id);
	}

	/** The live list with this slug. @throws NotFoundException if there is none */
	public MailingList get(String slug) {
		return lists.findBySlug(slug).orElseThrow(() -> new NotFoundException(new Text("lists.error.not-found", slug)));
	}

	@Transactional
	public MailingList create(ListRequest request) {
		ListSettings settings = ListSettings.forCreate(request, languages);
		if (lists.findBySlug(settings.slug()).isPresent()) {
			throw new ConflictException(new Text("lists.error.slug-taken", settings.slug()));
		}
		return lists.insert(settings);
	}

	@Transactional
	public MailingList update(String slug, ListRequest request) {
		MailingList current = get(slug);
		return lists.update(current.id(), ListSettings.forUpdate(current, request, languages));
	}

	/**
	 * Within the caller's transaction, keeps the list from being changed or deleted until it commits
	 * (a bulk change to its members relies on it).
	 * @throws NotFoundException if the list is deleted meanwhile
	 */
	@Transactional
	public void lockAgainstChanges(long id) {
		if (!lists.lockShared(id)) {
			throw new NotFoundException(new Text("lists.error.deleted-meanwhile"));
		}
	}

	/** Hides the list and frees its slug; its members and consent history stay stored. */
	@Transactional
	public void delete(String slug) {
		if (!lists.markDeleted(get(slug).id())) {
			throw new NotFoundException(new Text("lists.error.not-found", slug));
		}
	}

}
