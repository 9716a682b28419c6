package org.listserv.bounces;

import java.math.BigDecimal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives the list page the default bounce threshold (its settings form shows it). */
@ControllerAdvice(basePackages = "org.listserv.subscriptions")
class BounceModelAdvice {

	private final BouncesProperties properties;

	BounceModelAdvice(BouncesProperties properties) {
		this.properties = properties;
	}

	@ModelAttribute("defaultBounceThreshold")
	BigDecimal defaultBounceThreshold() {
		return properties.threshold();
	}

}
