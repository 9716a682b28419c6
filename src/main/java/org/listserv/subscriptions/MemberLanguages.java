package org.listserv.subscriptions;

import java.util.Locale;
import java.util.Optional;

import org.listserv.lists.MailingList;
import org.listserv.shared.Languages;

import org.springframework.stereotype.Service;

/**
 * The language to write to a person in: their own (a subscriber's preferred language), else the list's
 * default, else {@code listserv.languages.default-language}. Every notice to a member or would-be member
 * asks here; the caller passes the list the notice is about.
 */
@Service
public class MemberLanguages {

	private final Subscribers subscribers;

	private final Languages languages;

	MemberLanguages(Subscribers subscribers, Languages languages) {
		this.subscribers = subscribers;
		this.languages = languages;
	}

	/** The language of mail to {@code email} about {@code list} (null: no list, the default's). */
	public Locale of(String email, MailingList list) {
		return own(email).orElseGet(() -> list == null ? languages.fallback() : languages.of(list.language()));
	}

	/** The subscriber's own language, if they chose one that is still offered. */
	public Optional<Locale> own(String email) {
		return email == null ? Optional.empty() : subscribers.language(email).flatMap(languages::find);
	}

}
