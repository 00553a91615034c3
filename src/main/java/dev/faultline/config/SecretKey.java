package dev.faultline.config;

import java.io.IOException;

/**
 * The key that signs and derives Faultline's secrets: {@code SECRET_KEY}, or with the embedded database a random key
 * generated at the first start and kept in the data directory.
 */
public record SecretKey(String value) {

    static SecretKey resolve(Settings settings) {
        if (settings.secretKey().isPresent()) {
            return new SecretKey(settings.secretKey().get());
        }
        DataDirectory.prepare(settings.dataDirectory());
        try {
            return new SecretKey(Secrets.readOrCreate(settings.dataDirectory().resolve("secret_key")));
        }
        catch (IOException e) {
            throw new InvalidSettingException("FAULTLINE_DATA_DIR", settings.dataDirectory()
                    + " cannot hold the generated secret key: " + DataDirectory.reason(e), e);
        }
    }

    @Override
    public String toString() {
        return "SecretKey[redacted]";
    }
}
