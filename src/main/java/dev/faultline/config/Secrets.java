package dev.faultline.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random secrets generated once and kept in a file only the owner can read. */
final class Secrets {

    private static final SecureRandom random = new SecureRandom();

    private Secrets() {
    }

    static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            String secret = Files.readString(file).strip();
            if (!secret.isEmpty()) {
                return secret;
            }
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, secret);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return secret;
    }
}
