package org.listserv.sending;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.re2j.Pattern;

import org.listserv.shared.InvalidInputException;
import org.listserv.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code send_rate_limits} table: the sending rates an admin set (domain {@code *} is the global rate)
 * and, in the same rows, the token buckets every instance draws from. A bucket is refilled lazily at each
 * draw from the time since the last one, in the database's clock, so any number of instances share it and
 * it survives restarts.
 */
@Repository
public class SendRates {

	/** The global rate's domain. */
	public static final String GLOBAL = "*";

	/** A rate: {@code perSecond} messages a second on average, at most {@code burst} at once. */
	public record Rate(String domain, double perSecond, double burst, String updatedBy) {
	}

	/**
	 * The result of a draw of {@code n} tokens.
	 * @param granted whether the tokens were taken
	 * @param waitSeconds granted: how long to wait before sending (the bucket went into debt), else how long until
	 * the tokens would be there
	 */
	record Draw(boolean granted, double waitSeconds) {
	}

	private final JdbcClient jdbc;

	SendRates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Rate> all() {
		return jdbc.sql("""
				select domain, per_second, burst, updated_by from send_rate_limits
				order by domain <> '*', domain
				""").query(Rate.class).list();
	}

	public Optional<Rate> find(String domain) {
		return jdbc.sql("select domain, per_second, burst, updated_by from send_rate_limits where domain = :d")
			.param("d", normalise(domain))
			.query(Rate.class)
			.optional();
	}

	/** Sets a rate (a new one starts with a full bucket; a changed one keeps its tokens, capped to the burst). */
	public Rate set(String domain, double perSecond, Double burst, String by) {
		String d = normalise(domain);
		if (!(perSecond > 0) || perSecond > 1_000_000 || Double.isNaN(perSecond)) {
			throw new InvalidInputException("perSecond", new Text("sending.error.per-second", 1_000_000));
		}
		double b = burst == null ? Math.max(1, Math.ceil(perSecond)) : burst;
		if (!(b >= 1) || b > 10_000_000) {
			throw new InvalidInputException("burst", new Text("sending.error.burst"));
		}
		jdbc.sql("""
				insert into send_rate_limits (domain, per_second, burst, tokens, updated_by)
				values (:d, :rate, :burst, :burst, :by)
				on conflict (domain) do update set per_second = excluded.per_second, burst = excluded.burst,
				    tokens = least(send_rate_limits.tokens, excluded.burst), updated_by = excluded.updated_by,
				    updated_at = now()
				""").param("d", d).param("rate", perSecond).param("burst", b).param("by", by == null ? "" : by).update();
		return find(d).orElseThrow();
	}

	public boolean remove(String domain) {
		return jdbc.sql("delete from send_rate_limits where domain = :d").param("d", normalise(domain)).update() == 1;
	}

	/**
	 * Draws {@code n} tokens from the domain's bucket. The bucket may go into debt by at most
	 * {@code maxWaitSeconds} worth of tokens: then the draw is granted and the caller waits that long; deeper
	 * debt is refused and nothing is taken. One statement, one row lock: instances draw one after another.
	 */
	Draw draw(String domain, double n, double maxWaitSeconds) {
		return jdbc.sql("""
				with b as (
				    select domain, per_second,
				           least(burst, tokens + extract(epoch from clock_timestamp() - refreshed_at) * per_second) as avail
				    from send_rate_limits where domain = :d for update
				), u as (
				    update send_rate_limits r
				    set tokens = case when b.avail - :n >= -:maxwait * b.per_second then b.avail - :n else b.avail end,
				        refreshed_at = clock_timestamp()
				    from b where r.domain = b.domain
				    returning b.avail - :n >= -:maxwait * b.per_second as granted,
				              greatest(0, (:n - b.avail) / b.per_second) as wait_seconds
				)
				select granted, wait_seconds from u
				""")
			.param("d", domain)
			.param("n", n)
			.param("maxwait", maxWaitSeconds)
			.query(Draw.class)
			.optional()
			.orElse(new Draw(true, 0));
	}

	/** {@code *} or a domain name in lower case; anything else is refused. */
	static String normalise(String domain) {
		String d = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
		if (d.equals("global")) {
			d = GLOBAL;
		}
		if (!d.equals(GLOBAL) && (d.length() > 253 || !Pattern.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?", d))) {
			throw new InvalidInputException("domain", new Text("sending.error.domain"));
		}
		return d;
	}

}
