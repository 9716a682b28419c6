package org.listserv.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on 127.0.0.1 that a test can cut and restore, to take a server away from an application
 * (connections reset, new ones refused) and give it back on the same port.
 */
final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket listener;

	TcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.listener = bind(0);
		this.port = listener.getLocalPort();
		accept(listener);
	}

	int port() {
		return port;
	}

	/** Closes the port and every connection through it. */
	synchronized void cut() {
		closeQuietly(listener);
		sockets.forEach(TcpProxy::closeQuietly);
		sockets.clear();
	}

	/** Listens again on the same port. */
	synchronized void restore() {
		listener = bind(port);
		accept(listener);
	}

	@Override
	public void close() {
		cut();
	}

	private static ServerSocket bind(int port) {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket server) {
		Thread acceptor = new Thread(() -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					Socket upstream = new Socket(targetHost, targetPort);
					sockets.add(client);
					sockets.add(upstream);
					pump(client, upstream);
					pump(upstream, client);
				}
				catch (IOException ex) {
					// closed by cut(), or the target refused: the client sees its connection end
				}
			}
		}, "tcp-proxy-accept-" + port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pump-" + port);
		pump.setDaemon(true);
		pump.start();
	}

	private static void closeQuietly(java.io.Closeable c) {
		try {
			c.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
