package org.listserv.sending;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;

import com.google.re2j.Pattern;

import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.exceptions.FailException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * DKIM signing of the messages the send job writes ({@code listserv.sending.dkim.*}), with Apache James
 * jDKIM: relaxed/relaxed, rsa-sha256, the configured headers. Off unless domain, selector and key file are
 * set; a key file that cannot be read stops the start-up with a message saying why (better than sending a
 * whole campaign unsigned when signing was asked for).
 */
@Component
class DkimSigning {

	private static final Logger log = LoggerFactory.getLogger(DkimSigning.class);

	private final String template;

	private final PrivateKey key;

	DkimSigning(SendingProperties properties) {
		SendingProperties.Dkim dkim = properties.dkim();
		if (dkim == null || !dkim.enabled()) {
			this.template = null;
			this.key = null;
			return;
		}
		if (!Pattern.matches("[A-Za-z0-9.-]+", dkim.domain()) || !Pattern.matches("[A-Za-z0-9._-]+", dkim.selector())
				|| !Pattern.matches("[A-Za-z0-9:-]+", dkim.headers())) {
			throw new IllegalStateException("listserv.sending.dkim: domain, selector or headers contain characters "
					+ "that cannot appear in a DKIM-Signature");
		}
		this.key = readKey(Path.of(dkim.keyFile()));
		this.template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + dkim.domain() + "; s=" + dkim.selector()
				+ "; h=" + dkim.headers() + "; bh=; b=;";
		log.info("DKIM signing on: d={} s={}", dkim.domain(), dkim.selector());
	}

	boolean enabled() {
		return key != null;
	}

	/** The message with a {@code DKIM-Signature} header in front, or as it was when signing is off. */
	byte[] sign(byte[] message) {
		if (key == null) {
			return message;
		}
		try {
			String header = new DKIMSigner(template, key).sign(new ByteArrayInputStream(message));
			byte[] h = (header + "\r\n").getBytes(StandardCharsets.US_ASCII);
			byte[] signed = new byte[h.length + message.length];
			System.arraycopy(h, 0, signed, 0, h.length);
			System.arraycopy(message, 0, signed, h.length, message.length);
			return signed;
		}
		catch (IOException | FailException ex) {
			throw new IllegalStateException("DKIM signing failed: " + ex.getMessage(), ex);
		}
	}

	/** A PKCS#8 RSA private key in PEM ({@code -----BEGIN PRIVATE KEY-----}) or base64. */
	static PrivateKey readKey(Path file) {
		try {
			String pem = Files.readString(file, StandardCharsets.US_ASCII);
			if (pem.contains("BEGIN RSA PRIVATE KEY")) {
				throw new IllegalStateException("listserv.sending.dkim.key-file " + file + " is a PKCS#1 key; convert it "
						+ "with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem");
			}
			String base64 = Pattern.compile("-----[A-Z ]+-----|\\s").matcher(pem).replaceAll("");
			return DKIMSigner.getPrivateKey(base64);
		}
		catch (IOException ex) {
			throw new IllegalStateException("listserv.sending.dkim.key-file " + file + " cannot be read: " + ex.getMessage(), ex);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("listserv.sending.dkim.key-file " + file + " is not a PKCS#8 RSA key: "
					+ ex.getMessage(), ex);
		}
	}

}
