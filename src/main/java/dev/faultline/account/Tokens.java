package dev.faultline.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random single-use and bearer tokens, and the hashes they are stored as. A token carries 256 random bits, so a
 * plain SHA-256 is enough: there is nothing to guess that a slow hash would protect.
 */
public final class Tokens {

    private static final SecureRandom random = new SecureRandom();

    private Tokens() {
    }

    /** 43 URL-safe characters, for links and cookies. */
    public static String newUrlToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
    }

    /** 64 hexadecimal characters, the shape of GlitchTip's API tokens. */
    public static String newHexToken() {
        return HexFormat.of().formatHex(randomBytes());
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }
}
