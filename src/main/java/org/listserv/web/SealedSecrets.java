package org.listserv.web;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Small secrets kept encrypted in the database (a TOTP secret): AES-256-GCM under a key of {@link AppSecrets}
 * named by the caller, so a copy of one table alone does not reveal them. Format: 12-byte nonce, then the
 * ciphertext with its tag.
 */
@Component
public class SealedSecrets {

	private static final int NONCE = 12;

	private final AppSecrets secrets;

	private final SecureRandom random = new SecureRandom();

	SealedSecrets(AppSecrets secrets) {
		this.secrets = secrets;
	}

	/** {@code plain} encrypted under the app secret {@code keyName}. */
	public byte[] seal(String keyName, byte[] plain) {
		byte[] nonce = new byte[NONCE];
		random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyName, nonce);
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every Java platform", ex);
		}
	}

	/** The plain bytes of {@link #seal}'s output; throws if it was changed or sealed under another key. */
	public byte[] open(String keyName, byte[] sealed) {
		if (sealed == null || sealed.length <= NONCE) {
			throw new IllegalArgumentException("Not a sealed secret");
		}
		try {
			byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE);
			return cipher(Cipher.DECRYPT_MODE, keyName, nonce).doFinal(sealed, NONCE, sealed.length - NONCE);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("A sealed secret could not be opened", ex);
		}
	}

	private Cipher cipher(int mode, String keyName, byte[] nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(secrets.get(keyName), "AES"), new GCMParameterSpec(128, nonce));
		cipher.updateAAD(keyName.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		return cipher;
	}

}
