package org.listserv.sending;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DKIM signing of the send job's messages, checked with jDKIM's verifier against the key pair's public half. */
class DkimSigningTests {

	@TempDir
	static Path dir;

	static KeyPair keys;

	static Path keyFile;

	static final String MESSAGE = """
			From: "Peace Group" <news@example.org>\r
			To: alice@example.net\r
			Subject: Vigil on Friday\r
			Date: Wed, 25 Nov 2026 16:00:00 +0000\r
			Message-ID: <c1.d42@lists.example.org>\r
			List-Id: <news.lists.example.org>\r
			MIME-Version: 1.0\r
			Content-Type: text/plain; charset=UTF-8\r
			\r
			Dear Alice,\r
			\r
			join us on Friday.\r
			""";

	@BeforeAll
	static void key() throws Exception {
		KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
		g.initialize(2048);
		keys = g.generateKeyPair();
		keyFile = dir.resolve("dkim.pem");
		Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n");
	}

	static DkimSigning signing(Map<String, String> settings) {
		SendingProperties p = new Binder(new MapConfigurationPropertySource(settings))
			.bindOrCreate("listserv.sending", SendingProperties.class);
		return new DkimSigning(p);
	}

	static DkimSigning configured() {
		return signing(Map.of("listserv.sending.dkim.domain", "example.org", "listserv.sending.dkim.selector", "news2026",
				"listserv.sending.dkim.key-file", keyFile.toString()));
	}

	List<SignatureRecord> verify(byte[] message) throws Exception {
		String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
		DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> {
			assertThat(selector.toString()).isEqualTo("news2026");
			assertThat(domain.toString()).isEqualTo("example.org");
			return List.of(record);
		});
		return verifier.verify(new ByteArrayInputStream(message));
	}

	@Test
	void aSignedMessageVerifiesWithThePublicKey() throws Exception {
		byte[] signed = configured().sign(MESSAGE.getBytes(StandardCharsets.UTF_8));
		String text = new String(signed, StandardCharsets.UTF_8);
		assertThat(text).startsWith("DKIM-Signature:").contains("d=example.org").contains("s=news2026")
			.contains("a=rsa-sha256").endsWith(MESSAGE);
		assertThat(verify(signed)).hasSize(1);
	}

	@Test
	void aChangedBodyNoLongerVerifies() throws Exception {
		byte[] signed = configured().sign(MESSAGE.getBytes(StandardCharsets.UTF_8));
		byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("Friday", "Monday")
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> verify(tampered)).isInstanceOf(FailException.class);
	}

	@Test
	void offUnlessDomainSelectorAndKeyAreAllSet() {
		DkimSigning off = signing(Map.of("listserv.sending.dkim.domain", "example.org"));
		assertThat(off.enabled()).isFalse();
		byte[] message = MESSAGE.getBytes(StandardCharsets.UTF_8);
		assertThat(off.sign(message)).isSameAs(message);
	}

	@Test
	void aMissingOrWrongKeyStopsTheStartWithAReason() throws Exception {
		assertThatThrownBy(() -> signing(Map.of("listserv.sending.dkim.domain", "example.org",
				"listserv.sending.dkim.selector", "s", "listserv.sending.dkim.key-file", dir.resolve("none.pem").toString())))
			.hasMessageContaining("cannot be read");
		Path junk = dir.resolve("junk.pem");
		Files.writeString(junk, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
		assertThatThrownBy(() -> signing(Map.of("listserv.sending.dkim.domain", "example.org",
				"listserv.sending.dkim.selector", "s", "listserv.sending.dkim.key-file", junk.toString())))
			.hasMessageContaining("not a PKCS#8 RSA key");
		Path pkcs1 = dir.resolve("pkcs1.pem");
		Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nbm90IGEga2V5\n-----END RSA PRIVATE KEY-----\n");
		assertThatThrownBy(() -> signing(Map.of("listserv.sending.dkim.domain", "example.org",
				"listserv.sending.dkim.selector", "s", "listserv.sending.dkim.key-file", pkcs1.toString())))
			.hasMessageContaining("PKCS#1").hasMessageContaining("openssl pkcs8");
		assertThatThrownBy(() -> signing(Map.of("listserv.sending.dkim.domain", "example.org; x=y",
				"listserv.sending.dkim.selector", "s", "listserv.sending.dkim.key-file", keyFile.toString())))
			.hasMessageContaining("cannot appear");
	}

}
