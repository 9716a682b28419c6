package org.listserv.inbound;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.listserv.mail.InboundMessage;
import org.listserv.mail.ListAddress;
import org.listserv.mail.ReadingBudget;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * A handler for the OWNER role, registered in the shared test context only while an inbound test runs
 * (so no other test class ever sees it), and first in order so it wins over a real OWNER handler. It
 * handles every message, except that a subject containing "explode" makes it throw, and one containing
 * "costly" makes it read on (checking the {@link ReadingBudget}) until its budget stops it.
 */
final class TestInboundHandler implements InboundHandler, Ordered {

	private static final String BEAN = "inboundTestHandler";

	final List<Envelope> handled = new CopyOnWriteArrayList<>();

	static TestInboundHandler register(ConfigurableApplicationContext context) {
		unregister(context);
		TestInboundHandler handler = new TestInboundHandler();
		context.getBeanFactory().registerSingleton(BEAN, handler);
		return handler;
	}

	static void unregister(ConfigurableApplicationContext context) {
		((DefaultListableBeanFactory) context.getBeanFactory()).destroySingleton(BEAN);
	}

	@Override
	public Set<ListAddress.Role> roles() {
		return Set.of(ListAddress.Role.OWNER);
	}

	@Override
	public Disposition handle(InboundMessage message, Envelope envelope, ListAddress to) {
		if (message.subject().contains("explode")) {
			throw new IllegalStateException("the test handler exploded on purpose");
		}
		if (message.subject().contains("costly")) {
			long giveUp = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
			while (System.nanoTime() < giveUp) {
				ReadingBudget.check();
			}
		}
		handled.add(envelope);
		return Disposition.handled("seen by the test handler: " + message.subject());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
