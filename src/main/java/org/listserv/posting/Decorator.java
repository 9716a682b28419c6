package org.listserv.posting;

import org.listserv.mail.PostMessage;

/** One small named change to an accepted post before it is distributed; see {@link PostDecorators#ORDER}. */
interface Decorator {

	String name();

	void decorate(PostContext post, PostMessage message);

}
