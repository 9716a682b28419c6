package org.listserv.bounces;

/** What a bounce event caused ({@code bounce_events.action}; null when it caused nothing). */
enum BounceAction {

	DISABLED, REMOVED, UNSUBSCRIBED

}
