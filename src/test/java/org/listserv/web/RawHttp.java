package org.listserv.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP/1.1 request over a socket bound to a chosen local address (any 127.x.y.z is this machine),
 * so that a test can be a client at another address than 127.0.0.1, as a proxy or a stranger would be.
 */
final class RawHttp {

	record Response(int status, String body) {
	}

	private RawHttp() {
	}

	/** POSTs a form from {@code localAddress} to the server on 127.0.0.1:{@code port}, with extra headers. */
	static Response postForm(String localAddress, int port, String path, String form, Map<String, String> headers) {
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.put("Content-Type", "application/x-www-form-urlencoded");
		return send(localAddress, port, "POST", path, all, form);
	}

	static Response send(String localAddress, int port, String method, String path, Map<String, String> headers,
			String body) {
		byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
				+ "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("\r\n");
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.write(content);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			String text = answer.toString(StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			int blank = text.indexOf("\r\n\r\n");
			return new Response(status, blank < 0 ? "" : text.substring(blank + 4));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
