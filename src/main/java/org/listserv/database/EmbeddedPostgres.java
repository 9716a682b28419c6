package org.listserv.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server whose cluster lives in {@code <data-dir>/postgres} and survives restarts.
 * PostgreSQL refuses to run as root, so when the application is root the server runs as an unprivileged
 * user through {@code setpriv}, keeping only the right to read and write files (to reach a data folder under
 * {@code /root}). The server listens on 127.0.0.1 only and asks for a password generated at {@code initdb}.
 * A lock file keeps a second application from sharing the cluster; a server orphaned by a killed JVM is
 * stopped and started again. Stopping is the owner's job: the application context stops it when it
 * closes (on SIGTERM or Ctrl-C too, through Spring's shutdown hook), after the connection pool.
 */
final class EmbeddedPostgres {

	static final String DATABASE = "listserv";

	static final String SUPERUSER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

	private final Path dataDir;

	private final Path cluster;

	private final DatabaseProperties.Embedded settings;

	private final List<String> runAs;

	private Path bin;

	private int port;

	private String password;

	private FileChannel lockChannel;

	private FileLock lock;

	private boolean running;

	EmbeddedPostgres(Path dataDir, DatabaseProperties.Embedded settings) {
		this.dataDir = dataDir.toAbsolutePath().normalize();
		this.cluster = this.dataDir.resolve("postgres");
		this.settings = settings;
		this.runAs = new ArrayList<>();
	}

	synchronized void start() {
		try {
			Files.createDirectories(dataDir);
			lock();
			if (settings.wipeOnStart()) {
				PostgresBinaries.deleteTree(cluster);
			}
			bin = PostgresBinaries.unpack(binariesParent());
			prepareUser();
			if (!Files.exists(cluster.resolve("PG_VERSION"))) {
				initdb();
			}
			password = Files.readString(passwordFile()).trim();
			stopOrphan();
			port = settings.port() != 0 ? settings.port() : freePort();
			pgCtl("start", "-w", "-t", String.valueOf(settings.startTimeout().toSeconds()), "-l",
					dataDir.resolve("postgres.log").toString(), "-o",
					"-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c timezone=UTC"
							// room for a million-row import without a checkpoint in the middle of it
							+ " -c shared_buffers=256MB -c max_wal_size=4GB");
			running = true;
			createDatabase();
			log.info("Embedded PostgreSQL running on 127.0.0.1:{}, cluster {}", port, cluster);
		}
		catch (IOException ex) {
			release();
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + cluster, ex);
		}
		catch (RuntimeException ex) {
			release();
			throw ex;
		}
	}

	synchronized void stop() {
		if (running) {
			running = false;
			try {
				pgCtl("stop", "-m", "fast", "-w", "-t", "30");
				log.info("Embedded PostgreSQL stopped");
			}
			catch (RuntimeException ex) {
				log.warn("Could not stop the embedded PostgreSQL cleanly: {}", ex.getMessage());
			}
		}
		release();
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
	}

	String password() {
		return password;
	}

	private Path binariesParent() {
		if (!settings.binariesDir().isBlank()) {
			return Path.of(settings.binariesDir());
		}
		return Path.of(System.getProperty("java.io.tmpdir"), "listserv-pgsql-" + System.getProperty("user.name"));
	}

	private Path passwordFile() {
		return dataDir.resolve("postgres.password");
	}

	private void lock() throws IOException {
		lockChannel = FileChannel.open(dataDir.resolve("listserv.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		lock = lockChannel.tryLock();
		if (lock == null) {
			lockChannel.close();
			throw new IllegalStateException("The data folder " + dataDir
					+ " is in use by another listserv process; stop it or set listserv.data-dir");
		}
	}

	private void release() {
		try {
			if (lock != null) {
				lock.release();
				lock = null;
			}
			if (lockChannel != null) {
				lockChannel.close();
				lockChannel = null;
			}
		}
		catch (IOException ex) {
			log.debug("Releasing the data folder lock", ex);
		}
	}

	/** As root, decide which unprivileged user runs PostgreSQL, and give it the cluster folder. */
	private void prepareUser() throws IOException {
		runAs.clear();
		if ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") != 0) {
			return;
		}
		int uid;
		int gid;
		if (!settings.runAsUser().isBlank()) {
			uid = Integer.parseInt(run(List.of("id", "-u", settings.runAsUser())).trim());
			gid = Integer.parseInt(run(List.of("id", "-g", settings.runAsUser())).trim());
		}
		else if (Files.exists(cluster) && (Integer) Files.getAttribute(cluster, "unix:uid") != 0) {
			uid = (Integer) Files.getAttribute(cluster, "unix:uid");
			gid = (Integer) Files.getAttribute(cluster, "unix:gid");
		}
		else {
			uid = Integer.parseInt(run(List.of("id", "-u", "nobody")).trim());
			gid = Integer.parseInt(run(List.of("id", "-g", "nobody")).trim());
		}
		Files.createDirectories(cluster);
		Files.setAttribute(cluster, "unix:uid", uid);
		Files.setAttribute(cluster, "unix:gid", gid);
		String caps = "+dac_override,+dac_read_search";
		runAs.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--inh-caps=" + caps,
				"--ambient-caps=" + caps, "--"));
		log.info("Running as root: PostgreSQL will run as uid {}", uid);
	}

	private void initdb() throws IOException {
		Files.createDirectories(cluster);
		Files.setPosixFilePermissions(cluster, PosixFilePermissions.fromString("rwx------"));
		byte[] secret = new byte[24];
		new SecureRandom().nextBytes(secret);
		Path pw = passwordFile();
		Files.deleteIfExists(pw);
		Files.createFile(pw, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(pw, Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n",
				StandardCharsets.US_ASCII);
		log.info("Creating a new PostgreSQL cluster in {}", cluster);
		exec(List.of(bin.resolve("bin/initdb").toString(), "-D", cluster.toString(), "-U", SUPERUSER, "-E", "UTF8",
				"--locale=C", "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "--pwfile=" + pw));
	}

	private void stopOrphan() {
		if (Files.exists(cluster.resolve("postmaster.pid")) && exitCode(command("status")) == 0) {
			log.warn("A PostgreSQL server left by an earlier process is running on {}; stopping it", cluster);
			pgCtl("stop", "-m", "fast", "-w", "-t", "30");
		}
	}

	private void createDatabase() {
		String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
		try (Connection c = DriverManager.getConnection(url, SUPERUSER, password);
				var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DATABASE);
			if (!exists.executeQuery().next()) {
				c.createStatement().execute("create database " + DATABASE);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + DATABASE, ex);
		}
	}

	private void pgCtl(String... args) {
		exec(command(args));
	}

	private List<String> command(String... args) {
		List<String> cmd = new ArrayList<>(List.of(bin.resolve("bin/pg_ctl").toString(), args[0], "-D",
				cluster.toString()));
		cmd.addAll(List.of(args).subList(1, args.length));
		return cmd;
	}

	private void exec(List<String> command) {
		List<String> full = new ArrayList<>(runAs);
		full.addAll(command);
		run(full);
	}

	private int exitCode(List<String> command) {
		List<String> full = new ArrayList<>(runAs);
		full.addAll(command);
		return ProcessRunner.exitCode(full);
	}

	private static String run(List<String> command) {
		return ProcessRunner.run(command);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
