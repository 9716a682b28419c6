package org.listserv.subscriptions;

/** Each message as it is sent, or a daily or weekly digest. */
public enum DeliveryMode {

	REGULAR, DIGEST

}
