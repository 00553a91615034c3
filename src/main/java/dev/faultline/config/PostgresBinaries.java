package dev.faultline.config;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries shipped in the jar (zonky's per-platform archives), unpacked once into the data
 * directory. Not into /tmp: it is often mounted noexec, and cleaners delete old files from under a running server.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final String PREFIX = "pgsql-";
    private static final String COMPLETE = ".complete";

    private PostgresBinaries() {
    }

    /** Returns the installation directory (with bin/, lib/, share/) for this version, unpacking it if needed. */
    static Path unpack(Path dataDirectory, String version) throws IOException {
        Path target = dataDirectory.resolve(PREFIX + version);
        if (Files.exists(target.resolve(COMPLETE))) {
            return target;
        }
        String resource = "/postgres-" + platform() + ".txz";
        try (InputStream archive = PostgresBinaries.class.getResourceAsStream(resource)) {
            if (archive == null) {
                throw new InvalidSettingException("DATABASE_URL", "this build has no embedded PostgreSQL for "
                        + platform() + "; point DATABASE_URL at a PostgreSQL 14 or newer");
            }
            log.info("Unpacking PostgreSQL {} into {}", version, target);
            Path partial = dataDirectory.resolve(PREFIX + version + ".partial");
            deleteRecursively(partial);
            deleteRecursively(target);
            extract(archive, partial);
            Files.createFile(partial.resolve(COMPLETE));
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }
        removeOtherVersions(dataDirectory, target);
        return target;
    }

    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") || os.contains("darwin") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String machine = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
        return system + "-" + machine;
    }

    private static void extract(InputStream archive, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (var tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = directory.resolve(entry.getName()).normalize();
                if (!path.startsWith(directory)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                }
                else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                }
                else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createLink(path, directory.resolve(entry.getLinkName()).normalize());
                }
                else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        if ((mode & 0100) != 0) {
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
        }
        return permissions;
    }

    private static void removeOtherVersions(Path dataDirectory, Path current) throws IOException {
        try (Stream<Path> children = Files.list(dataDirectory)) {
            for (Path child : children.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(p -> !p.equals(current)).toList()) {
                log.info("Removing unused PostgreSQL binaries {}", child);
                deleteRecursively(child);
            }
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
