package org.listserv;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The mailing-list manager: web UI, API, and (in later releases) mail in and out. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ListservApplication {

	public static void main(String[] args) {
		SpringApplication.run(ListservApplication.class, args);
	}

}
