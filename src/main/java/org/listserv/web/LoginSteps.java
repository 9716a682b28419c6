package org.listserv.web;

import org.springframework.security.core.Authentication;

/**
 * What a person who gave the right password still has to do before a page opens (implemented by accounts):
 * give a code of their authenticator app or a recovery code ({@link Step#CODE}, at {@value #CODE_PATH}), set up
 * two-factor login where an admin requires it ({@link Step#ENROL}, at {@value #ENROL_PATH}), or nothing. A
 * session whose password has been changed since, or whose account was disabled, is {@link Step#ENDED}.
 */
public interface LoginSteps {

	String CODE_PATH = "/login/code";

	String ENROL_PATH = "/login/enrol";

	enum Step {

		DONE, CODE, ENROL, ENDED

	}

	Step next(Authentication authentication);

}
