package org.listserv.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command, returning its output or failing with it. */
final class ProcessRunner {

	private ProcessRunner() {
	}

	static String run(List<String> command) {
		Result r = execute(command);
		if (r.code != 0) {
			throw new IllegalStateException(command.get(command.indexOf("--") + 1) + " failed (exit " + r.code
					+ "): " + r.output.strip());
		}
		return r.output;
	}

	static int exitCode(List<String> command) {
		return execute(command).code;
	}

	private record Result(int code, String output) {
	}

	private static Result execute(List<String> command) {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
				.start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!p.waitFor(5, TimeUnit.MINUTES)) {
				p.destroyForcibly();
				return new Result(-1, out + " (timed out)");
			}
			return new Result(p.exitValue(), out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command, ex);
		}
	}

}
