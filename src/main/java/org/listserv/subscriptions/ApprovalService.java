package org.listserv.subscriptions;

import java.util.List;

import org.listserv.lists.ListService;
import org.listserv.lists.MailingList;
import org.listserv.mail.EmailAddress;
import org.listserv.shared.ConflictException;
import org.listserv.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Requests to join an APPROVE list, and the admin's answer; the person gets a notice either way. */
@Service
public class ApprovalService {

	private final ListService lists;

	private final Memberships memberships;

	private final MemberService members;

	private final SubscriptionService subscriptions;

	private final SubscriptionNotices notices;

	ApprovalService(ListService lists, Memberships memberships, MemberService members,
			SubscriptionService subscriptions, SubscriptionNotices notices) {
		this.lists = lists;
		this.memberships = memberships;
		this.members = members;
		this.subscriptions = subscriptions;
		this.notices = notices;
	}

	public List<Member> waiting(String slug) {
		return memberships.awaitingApproval(lists.get(slug).id());
	}

	@Transactional
	public void approve(String slug, String email, Actor actor) {
		MailingList list = lists.get(slug);
		Member m = waitingMember(slug, email);
		subscriptions.setStatus(list, m.subscriberId(), m.status(), MembershipStatus.ACTIVE, null, actor);
		notices.send("welcome", list, m.subscriberId(), EmailAddress.parse(m.email()), m.name(), true);
	}

	@Transactional
	public void reject(String slug, String email, Actor actor) {
		MailingList list = lists.get(slug);
		Member m = waitingMember(slug, email);
		subscriptions.setStatus(list, m.subscriberId(), m.status(), MembershipStatus.REMOVED, null, actor);
		notices.send("rejected", list, m.subscriberId(), EmailAddress.parse(m.email()), m.name(), false);
	}

	private Member waitingMember(String slug, String email) {
		Member m = members.get(slug, email);
		if (m.status() != MembershipStatus.PENDING || m.awaiting() != PendingReason.APPROVAL) {
			throw new ConflictException(new Text("subscriptions.approval.error.not-waiting", m.email()));
		}
		return m;
	}

}
