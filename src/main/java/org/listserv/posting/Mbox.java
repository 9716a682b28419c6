package org.listserv.posting;

import java.io.ByteArrayOutputStream;

/** mboxrd quoting: a body line matching {@code >*From } gets one more {@code >}; line ends become LF. */
final class Mbox {

	private Mbox() {
	}

	static byte[] escape(byte[] raw) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 64);
		int start = 0;
		for (int i = 0; i <= raw.length; i++) {
			if (i == raw.length || raw[i] == '\n') {
				int end = i > start && raw[i - 1] == '\r' ? i - 1 : i;
				if (i == raw.length && start == end) {
					break;
				}
				int p = start;
				while (p < end && raw[p] == '>') {
					p++;
				}
				if (end - p >= 5 && raw[p] == 'F' && raw[p + 1] == 'r' && raw[p + 2] == 'o' && raw[p + 3] == 'm'
						&& raw[p + 4] == ' ') {
					out.write('>');
				}
				out.write(raw, start, end - start);
				out.write('\n');
				start = i + 1;
			}
		}
		return out.toByteArray();
	}

}
