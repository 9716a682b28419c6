package org.listserv.subscriptions;

import java.io.IOException;
import java.io.InputStream;

/** Counts bytes read and refuses to go past the limit (HTTP 413). */
final class SizeLimitedInputStream extends java.io.FilterInputStream {

	private final long max;

	private long read;

	SizeLimitedInputStream(InputStream in, long max) {
		super(in);
		this.max = max;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		count(b < 0 ? 0 : 1);
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int n = super.read(b, off, len);
		count(Math.max(n, 0));
		return n;
	}

	private void count(int n) {
		read += n;
		if (read > max) {
			throw new org.listserv.shared.PayloadTooLargeException(
					new org.listserv.shared.Text("subscriptions.import.error.too-large", max));
		}
	}

}
