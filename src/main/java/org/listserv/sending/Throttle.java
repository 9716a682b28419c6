package org.listserv.sending;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The sending rates ({@link SendRates}) applied to each message before it is handed to SMTP. The global rate
 * is waited for; a recipient domain's rate is waited for up to {@code listserv.sending.throttle-max-wait},
 * beyond which the delivery is put off (DEFERRED without counting an attempt) and a later round sends it, so
 * one slow domain does not hold up the rest of the list.
 * <p>
 * To keep the database out of the per-message path, tokens are drawn in small blocks (a tenth of a second's
 * worth, at most 50) and spent locally; the rates themselves are re-read every
 * {@code listserv.sending.rates-refresh}, so an admin's change reaches every instance within that time. With
 * no rate set (the default) nothing here touches the database.
 */
@Component
class Throttle {

	/** May this message go now? {@code notBefore} null: yes (after any wait already done). */
	record Permit(OffsetDateTime notBefore, String reason) {

		static final Permit GO = new Permit(null, null);

	}

	private final SendRates rates;

	private final SendingProperties properties;

	private volatile Map<String, SendRates.Rate> limits = Map.of();

	private volatile long limitsReadAt;

	/** Tokens drawn from the database and not yet spent here, per domain ({@code *}: global). */
	private final Map<String, double[]> local = new ConcurrentHashMap<>();

	Throttle(SendRates rates, SendingProperties properties) {
		this.rates = rates;
		this.properties = properties;
	}

	/** Waits as the rates require, or says when the message may go instead. */
	Permit acquire(String address) throws InterruptedException {
		Map<String, SendRates.Rate> current = limits();
		if (current.isEmpty()) {
			return Permit.GO;
		}
		String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
		SendRates.Rate byDomain = current.get(domain);
		if (byDomain != null) {
			double maxWait = properties.throttleMaxWait().toMillis() / 1000.0;
			SendRates.Draw d = take(byDomain, maxWait);
			if (!d.granted()) {
				return new Permit(OffsetDateTime.now().plus(Duration.ofMillis((long) Math.ceil(d.waitSeconds() * 1000) + 1)),
						"throttled: " + domain + " at " + byDomain.perSecond() + "/s");
			}
			sleep(d.waitSeconds());
		}
		SendRates.Rate global = current.get(SendRates.GLOBAL);
		if (global != null) {
			sleep(take(global, 1e9).waitSeconds());
		}
		return Permit.GO;
	}

	/** One token, from the local block, or a new block drawn from the bucket in the database. */
	private SendRates.Draw take(SendRates.Rate rate, double maxWait) {
		double[] pool = local.computeIfAbsent(rate.domain(), d -> new double[1]);
		synchronized (pool) {
			if (pool[0] >= 1) {
				pool[0] -= 1;
				return new SendRates.Draw(true, 0);
			}
			double block = Math.max(1, Math.min(50, Math.floor(rate.perSecond() / 10)));
			SendRates.Draw d = rates.draw(rate.domain(), block, maxWait);
			if (d.granted()) {
				pool[0] += block - 1;
				// the debt is shared by the block: this message waits for its own token only
				return new SendRates.Draw(true, Math.max(0, d.waitSeconds() - (block - 1) / rate.perSecond()));
			}
			if (block > 1) {
				d = rates.draw(rate.domain(), 1, maxWait);
			}
			return d;
		}
	}

	private Map<String, SendRates.Rate> limits() {
		long now = System.nanoTime();
		if (now - limitsReadAt > properties.ratesRefresh().toNanos() || limitsReadAt == 0) {
			limits = rates.all().stream().collect(Collectors.toUnmodifiableMap(SendRates.Rate::domain, r -> r));
			limitsReadAt = now;
		}
		return limits;
	}

	/** Forget the cached rates (an admin changed them here). */
	void refresh() {
		limitsReadAt = 0;
		local.clear();
	}

	private static void sleep(double seconds) throws InterruptedException {
		if (seconds > 0) {
			TimeUnit.MICROSECONDS.sleep((long) (seconds * 1_000_000));
		}
	}

}
