package org.listserv.composing;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.listserv.lists.ListKind;
import org.listserv.lists.MailingList;
import org.listserv.lists.PostingPolicy;
import org.listserv.lists.SubscriptionPolicy;
import org.listserv.mail.MimeMessages;

/**
 * Render + MIME assembly of personalised campaign messages on one thread: the campaign is compiled once,
 * then for each recipient a signed unsubscribe link is made, both parts rendered, and the whole message
 * written as bytes ({@code MimeMessages.write}). Not part of {@code verify}: run {@code bench/render-benchmark.sh}.
 * Arguments: messages per run (default 200000), runs (default 3).
 */
public final class RenderBenchmark {

	public static void main(String[] args) throws Exception {
		int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		OffsetDateTime now = OffsetDateTime.now();
		MailingList list = new MailingList(1, "news", "Peace Network News", "", ListKind.INFORMATIONAL,
				SubscriptionPolicy.CONFIRM, PostingPolicy.ANNOUNCE, "Peace Network", "news@lists.example.org", "",
				"Peace Network, 1 Main Street, Springfield", true, "", true, null, "friend", "en", now, now);
		String body = Files.readString(Path.of("bench/newsletter-body.md"));
		Campaign c = new Campaign(1, 1, "news", CampaignStatus.DRAFT, "Peace Network News: June", "What happened",
				body, CampaignFormat.MARKDOWN, "newsletter", "Peace Network", "news@lists.example.org", null, null, null,
				"bench", now, now);
		Map<String, Object> base = Map.of("list", Map.of("name", list.name(), "footer", list.footer()), "campaign",
				Map.of("subject", c.subject(), "preheader", c.preheader()), "preheader", c.preheader(),
				"web_version_url", "https://lists.example.org/archive/news/1", "date", "1 June 2026");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		CountingSink sink = new CountingSink();
		double[] rates = new double[runs];
		for (int run = -1; run < runs; run++) {
			int n = run < 0 ? messages / 4 : messages;
			long start = System.nanoTime();
			CompiledCampaign compiled = CompiledCampaign.compile(body, c.format(),
					Files.readString(Path.of("templates/layouts/newsletter.html")), base);
			for (int i = 0; i < n; i++) {
				String payload = "U." + i + ".1";
				String sig = b64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
				String token = b64.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "." + sig.substring(0, 22);
				Recipient r = new Recipient(i, "member" + i + "@example.org", "Member <" + i + ">",
						Map.of("city", "Springfield"), new MemberLinks.Links(
								"https://lists.example.org/unsubscribe/" + token, "https://lists.example.org/preferences/" + token));
				byte[] mime = MimeMessages.write(
						CampaignMessages.message(c, list, "lists.example.org", compiled, r, "bench"), "lists.example.org");
				sink.write(mime, 0, mime.length);
				sink.flush();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			if (run >= 0) {
				rates[run] = n / seconds;
				System.out.printf("run %d: %d messages in %.2f s = %,.0f messages/s (%,d bytes each)%n", run + 1, n,
						seconds, rates[run], sink.bytes / Math.max(1, sink.count));
			}
			sink.bytes = 0;
			sink.count = 0;
		}
		java.util.Arrays.sort(rates);
		System.out.printf("median of %d runs: %,.0f messages/s on one thread%n", runs, rates[runs / 2]);
	}

	/** Counts the bytes written and, by flush, the messages. */
	static final class CountingSink extends OutputStream {

		long bytes;

		long count;

		@Override
		public void write(int b) {
			bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			bytes += len;
		}

		@Override
		public void flush() {
			count++;
		}

	}

}
