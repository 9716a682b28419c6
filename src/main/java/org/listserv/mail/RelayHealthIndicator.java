package org.listserv.mail;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code relay} entry of {@code /actuator/health}: always UP (a relay outage is the outbox's to ride
 * out, and must not make a probe restart the application), with the relay's last known state and the
 * outbox backlog as details. Not part of the liveness or readiness groups; opens no connection.
 */
@Component
class RelayHealthIndicator implements HealthIndicator {

	private final RelayStatus status;

	RelayHealthIndicator(RelayStatus status) {
		this.status = status;
	}

	@Override
	public Health health() {
		RelayStatus.Snapshot s = status.snapshot();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("relay", s.relay());
		details.put("state", s.state().name());
		details.put("consecutiveFailures", s.consecutiveFailures());
		if (s.lastSuccessAt() != null) {
			details.put("lastSuccessAt", s.lastSuccessAt().toString());
		}
		if (s.lastFailureAt() != null) {
			details.put("lastFailureAt", s.lastFailureAt().toString());
			details.put("lastError", s.lastError());
		}
		if (s.backlog() != null) {
			Map<String, Object> outbox = new LinkedHashMap<>();
			outbox.put("pending", s.backlog().pending());
			outbox.put("failed", s.backlog().failed());
			if (s.backlog().oldestPendingAge() != null) {
				outbox.put("oldestPendingSeconds", s.backlog().oldestPendingAge().toSeconds());
			}
			details.put("outbox", outbox);
		}
		else {
			details.put("outbox", "unknown: the database is unavailable");
		}
		return Health.up().withDetails(details).build();
	}

}
