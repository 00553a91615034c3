package dev.faultline.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code FAULTLINE_DATA_DIR}: created when missing, and known to take files before anything relies on it. */
public final class DataDirectory {

    private DataDirectory() {
    }

    public static void prepare(Path directory) {
        try {
            Files.createDirectories(directory);
        }
        catch (IOException e) {
            throw new InvalidSettingException("FAULTLINE_DATA_DIR", directory + " cannot be created: " + reason(e), e);
        }
        try {
            Files.delete(Files.createTempFile(directory, ".write-check", ""));
        }
        catch (IOException e) {
            throw new InvalidSettingException("FAULTLINE_DATA_DIR", directory + " cannot be written: " + reason(e), e);
        }
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage();
    }
}
