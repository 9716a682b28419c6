package org.listserv.bounces;

import java.math.BigDecimal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives the pages the default bounce threshold (the list settings form shows it). */
@ControllerAdvice(annotations = Controller.class)
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
