package org.listserv;

import org.listserv.bounces.BounceClassifyCommand;
import org.listserv.sending.SendCampaignCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The mailing-list manager: web UI, JSON API, mail in (SMTP, IMAP) and out (campaigns, posts, digests,
 * notices). Each package below this one is a capability, an application module in Spring Modulith's sense
 * ({@code ModularityTests}); {@code shared} is the kernel every module may use.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@ConfigurationPropertiesScan
@EnableScheduling
public class ListservApplication {

	public static void main(String[] args) {
		if (args.length > 0 && BounceClassifyCommand.NAME.equals(args[0])) {
			// plain Java: no Spring context, database or web server
			System.exit(BounceClassifyCommand.run(args));
		}
		if (args.length > 0 && SendCampaignCommand.NAME.equals(args[0])) {
			System.exit(SendCampaignCommand.run(ListservApplication.class, args));
		}
		SpringApplication.run(ListservApplication.class, args);
	}

}
