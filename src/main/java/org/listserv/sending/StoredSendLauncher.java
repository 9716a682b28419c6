package org.listserv.sending;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Starts the send of a {@link StoredCampaignQueued} once its transaction has committed (at once without one). */
@Component
class StoredSendLauncher {

	private final CampaignSending sending;

	StoredSendLauncher(CampaignSending sending) {
		this.sending = sending;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void launch(StoredCampaignQueued queued) {
		sending.launchStored(queued.campaignId());
	}

}
