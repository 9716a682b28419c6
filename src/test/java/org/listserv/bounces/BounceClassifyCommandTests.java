package org.listserv.bounces;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bounce-classify FILE...}: one JSON line per recipient per file, errors as lines, exit 0. */
class BounceClassifyCommandTests {

	@TempDir
	Path dir;

	@Test
	void printsOneLinePerRecipientAndPerNonBounceAndPerUnreadableFile() throws IOException {
		Path dsn = write("two.eml", fixture("rfc3464-two-recipients.eml"));
		Path plain = write("plain.eml", fixture("not-a-bounce.eml"));
		Path missing = dir.resolve("missing.eml");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = BounceClassifyCommand.run(new String[] { dsn.toString(), plain.toString(), missing.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isZero();
		List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).startsWith("{\"file\":\"" + dsn + "\",\"recipient\":\"bob@full.example.com\"")
			.contains("\"classification\":\"soft\"", "\"reason\":\"mailboxfull\"", "\"status\":\"5.2.2\"",
					"\"replyCode\":552", "\"format\":\"RFC3464\"");
		assertThat(lines.get(1)).contains("\"recipient\":\"carol@slow.example.com\"", "\"status\":\"4.4.1\"");
		assertThat(lines.get(2)).isEqualTo("{\"file\":\"" + plain + "\",\"classification\":\"none\",\"kind\":\"NOT_A_BOUNCE\"}");
		assertThat(lines.get(3)).startsWith("{\"file\":\"" + missing + "\",\"error\":\"NoSuchFileException");
	}

	@Test
	void theWholeCommandLineFormAlsoExitsZero() {
		assertThat(BounceClassifyCommand.run(new String[] { BounceClassifyCommand.NAME })).isZero();
	}

	@Test
	void speedModePrintsRatesInsteadOfLines() throws IOException {
		Path dsn = write("one.eml", fixture("rfc3464-postfix-userunknown.eml"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = BounceClassifyCommand.run(new String[] { "--speed", "2", dsn.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
		assertThat(exit).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("round 1:", "round 2:", "median");
	}

	@Test
	void jsonEscaping() {
		assertThat(BounceClassifyCommand.json("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
	}

	private Path write(String name, byte[] bytes) throws IOException {
		Path file = dir.resolve(name);
		Files.write(file, bytes);
		return file;
	}

	static byte[] fixture(String name) throws IOException {
		try (InputStream in = BounceClassifyCommandTests.class.getResourceAsStream("/bounces/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
	}

}
