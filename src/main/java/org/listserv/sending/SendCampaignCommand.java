package org.listserv.sending;

import java.util.Arrays;

import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar listserv.jar send-campaign --id N}: sends one campaign from the command line with no HTTP
 * port open, the SMTP listener, the IMAP poller or the background scheduler, and exits 0 when the send
 * completed, 1 when it failed, 2 for a wrong command line. A DRAFT or SCHEDULED campaign is started (the
 * checklist must pass); a SENDING, PAUSED or FAILED one is continued.
 */
public final class SendCampaignCommand {

	public static final String NAME = "send-campaign";

	private SendCampaignCommand() {
	}

	/** @param args the whole command line, {@code send-campaign} first; other {@code --key=value} are settings */
	public static int run(Class<?> application, String[] args) {
		Long id = null;
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		for (int i = 0; i < rest.length; i++) {
			if (rest[i].equals("--id") && i + 1 < rest.length) {
				id = parse(rest[i + 1]);
				rest[i] = rest[i + 1] = "";
			}
			else if (rest[i].startsWith("--id=")) {
				id = parse(rest[i].substring(5));
				rest[i] = "";
			}
		}
		if (id == null) {
			System.err.println("Usage: java -jar listserv.jar send-campaign --id N [--key=value ...]");
			return 2;
		}
		String[] settings = Arrays.stream(rest).filter(s -> !s.isEmpty()).toArray(String[]::new);
		// server.port=-1: the web context is built (security, pages share beans with the job) but no HTTP
		// connector is opened; nothing listens
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.properties("server.port=-1", "listserv.sending.background=false", "listserv.bounces.background=false",
					"listserv.inbound.smtp.enabled=false",
					"listserv.inbound.imap.enabled=false", "spring.main.banner-mode=off")
			.run(settings)) {
			try {
				return sendAndWait(context.getBean(CampaignSending.class), id) == BatchStatus.COMPLETED ? 0 : 1;
			}
			catch (org.listserv.shared.TextException ex) {
				// a refusal (not sendable, checklist errors) in words, not as its bundle key
				System.err.println("send-campaign failed: " + context.getBean(org.listserv.shared.Texts.class).of(ex));
				return 1;
			}
		}
		catch (RuntimeException ex) {
			System.err.println("send-campaign failed: " + ex.getMessage());
			return 1;
		}
	}

	static BatchStatus sendAndWait(CampaignSending sending, long id) {
		org.listserv.composing.CampaignStatus status = sending.status(id);
		switch (status) {
			case DRAFT, SCHEDULED -> sending.start(id);
			case PAUSED, FAILED -> sending.resume(id, false);
			case SENDING -> {
			}
			default -> {
				System.err.println("Campaign " + id + " is " + status + ": nothing to send");
				return status == org.listserv.composing.CampaignStatus.SENT ? BatchStatus.COMPLETED : BatchStatus.FAILED;
			}
		}
		BatchStatus result = sending.run(id);
		org.listserv.composing.CampaignStatus after = sending.status(id);
		System.out.println("Campaign " + id + ": job " + result + ", campaign " + after + ", " + "deliveries: " + sending.counts(id));
		return result == BatchStatus.COMPLETED && after != org.listserv.composing.CampaignStatus.FAILED ? result
				: BatchStatus.FAILED;
	}

	private static Long parse(String s) {
		try {
			return Long.parseLong(s.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
