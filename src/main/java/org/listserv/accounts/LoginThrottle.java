package org.listserv.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without ever locking the real user out. The model:
 *
 * <ul>
 * <li>Three kinds of counter count wrong passwords: per <b>account and address</b> (a pair), per
 * <b>account</b> (from all addresses) and per <b>address</b> (against all accounts). After
 * {@code free-failures} (5) failures a counter delays the next attempt it governs by {@code first-delay}
 * (1 s), doubling with each further failure up to {@code max-delay} (5 min): growing delays, never a
 * lockout. A counter with no failure for {@code forget-after} (24 h) starts again.</li>
 * <li>An attempt that a counter delays is <b>not evaluated</b>: no password check, no bcrypt; the caller is
 * told how long to wait. When a delay has passed, the first attempt takes the slot, and the counters it
 * went through hold off the others until its outcome is known (at most one guess per interval).</li>
 * <li>The <b>pair</b> counter governs every attempt of its pair.</li>
 * <li>An address where the account logged in within {@code trust-after-success} (30 days) is
 * <b>trusted</b> for that account: the account and address counters do not govern it.</li>
 * <li>For other addresses, the <b>address</b> counter governs (so one address cannot spray many accounts),
 * and the <b>account</b> counter governs once the pair has failed at least once: an address that has
 * not been failing for this account always gets its attempt evaluated.</li>
 * </ul>
 *
 * <p>So guessing one account from a few addresses gets five quick tries and then one per growing interval
 * for all those addresses together; guessing from many addresses costs one fresh address per extra guess.
 * The real user gets in from a trusted address and from any address that has not been failing, whatever
 * an attacker does elsewhere. Only an attacker at the user's own address (the same NAT, with
 * {@code listserv.web.trusted-proxies} unset behind a proxy) delays the user, up to {@code max-delay} at a
 * time. A success clears its pair and address counters and trusts the pair; it leaves the account
 * counter alone, so an ongoing attack gets no new free guesses from it. In memory, per instance, in
 * bounded caches: a restart forgets, which is fine for a throttle.
 */
@Component
class LoginThrottle {

	private static final int MAX_COUNTERS = 100_000;

	/** Failures of one counter, and the time before which it turns attempts away. */
	private record Strikes(int failures, Instant last, Instant notBefore) {
	}

	private final LoginProperties properties;

	private final Clock clock;

	private final Cache<String, Strikes> counters;

	private final Cache<String, Instant> trusted;

	@Autowired
	LoginThrottle(LoginProperties properties, ObjectProvider<Clock> clock) {
		this(properties, clock.getIfAvailable(Clock::systemUTC));
	}

	LoginThrottle(LoginProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.counters = Caffeine.newBuilder()
			.maximumSize(MAX_COUNTERS)
			.expireAfterWrite(properties.forgetAfter().plus(properties.maxDelay()))
			.build();
		this.trusted = Caffeine.newBuilder()
			.maximumSize(MAX_COUNTERS / 10)
			.expireAfterWrite(properties.trustAfterSuccess())
			.build();
	}

	/**
	 * Whether an attempt to log in to {@code username} from {@code address} may be evaluated now: empty if so
	 * (and the slot is held for it), else how long to wait.
	 */
	Optional<Duration> check(String username, String address) {
		Instant now = clock.instant();
		List<String> gates = gates(account(username), address == null ? "" : address, now);
		Duration wait = Duration.ZERO;
		for (String key : gates) {
			Strikes s = live(key, now);
			if (s != null && s.notBefore().isAfter(now)) {
				wait = max(wait, Duration.between(now, s.notBefore()));
			}
		}
		if (!wait.isZero()) {
			return Optional.of(wait);
		}
		for (String key : gates) {
			counters.asMap().computeIfPresent(key, (k, s) -> {
				if (forgotten(s, now)) {
					return null;
				}
				Instant slot = now.plus(properties.delayAfter(s.failures()));
				return slot.isAfter(s.notBefore()) ? new Strikes(s.failures(), s.last(), slot) : s;
			});
		}
		return Optional.empty();
	}

	/** A wrong password (or unknown account) was given. */
	void failed(String username, String address) {
		Instant now = clock.instant();
		String account = account(username);
		String from = address == null ? "" : address;
		boolean trustedPair = isTrusted(account, from, now);
		strike(pair(account, from), now);
		if (!trustedPair) {
			strike("u|" + account, now);
			strike("a|" + from, now);
		}
	}

	/** The right password was given. */
	void succeeded(String username, String address) {
		String account = account(username);
		String from = address == null ? "" : address;
		counters.invalidate(pair(account, from));
		counters.invalidate("a|" + from);
		trusted.put(pair(account, from), clock.instant());
	}

	private List<String> gates(String account, String address, Instant now) {
		List<String> gates = new ArrayList<>(3);
		String pair = pair(account, address);
		gates.add(pair);
		if (!isTrusted(account, address, now)) {
			gates.add("a|" + address);
			Strikes own = live(pair, now);
			if (own != null && own.failures() > 0) {
				gates.add("u|" + account);
			}
		}
		return gates;
	}

	private void strike(String key, Instant now) {
		counters.asMap().compute(key, (k, old) -> {
			int failures = (old == null || forgotten(old, now) ? 0 : old.failures()) + 1;
			return new Strikes(failures, now, now.plus(properties.delayAfter(failures)));
		});
	}

	private Strikes live(String key, Instant now) {
		Strikes s = counters.getIfPresent(key);
		return s == null || forgotten(s, now) ? null : s;
	}

	private boolean forgotten(Strikes s, Instant now) {
		return s.last().plus(properties.forgetAfter()).isBefore(now) && !s.notBefore().isAfter(now);
	}

	private boolean isTrusted(String account, String address, Instant now) {
		Instant since = trusted.getIfPresent(pair(account, address));
		return since != null && since.plus(properties.trustAfterSuccess()).isAfter(now);
	}

	private static String pair(String account, String address) {
		return "p|" + account + "|" + address;
	}

	private static String account(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

}
