package dev.faultline.event;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the scrubber recognizes as sensitive: field names like relay's default "@password" rule, and values that
 * are secrets wherever they appear (card numbers, private keys, bearer tokens, URL passwords, US social security
 * numbers, {@code password=...} pairs inside strings).
 */
final class Redactions {

    static final String FILTERED = "[Filtered]";

    /** Relay's password key pattern, plus the cookie and card names Sentry's old scrubber also matched. */
    private static final List<String> KEY_PARTS = List.of("password", "passwd", "mysql_pwd", "secret", "api_key",
            "api-key", "apikey", "auth", "credentials", "privatekey", "private_key", "private-key", "token", "csrf",
            "xsrf", "cookie", "credit_card", "creditcard", "card_number", "cardnumber");
    /** Names matched as whole words only: as parts of words they match too much ("classname" has "ssn"). */
    private static final Set<String> KEY_WORDS = Set.of("ssn", "otp", "cvv", "cvc");
    /**
     * Names matched as the whole name (ignoring case and separators), so that a {@code session} or
     * {@code session_id} is hidden but names that merely mention sessions ({@code DESKTOP_SESSION}) are not.
     */
    private static final Set<String> KEY_NAMES = Set.of("session", "sessionid", "sessid", "sessionkey",
            "sessiontoken", "phpsessid", "jsessionid", "twofactor");

    private static final Pattern PEM_KEY = Pattern.compile(
            "(-----BEGIN[A-Z ]*(?:PRIVATE|PUBLIC) KEY-----).+?(-----END[A-Z ]*(?:PRIVATE|PUBLIC) KEY-----)",
            Pattern.DOTALL);
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[^\\s\"',;]+");
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/:@]+:[^\\s/@]+@");
    private static final Pattern KEY_VALUE = Pattern.compile("(?<=^|[?&;,\\s])([\\w.\\[\\]-]+)=([^&;,\\s#]*)");
    /** 13 to 19 digits, with single spaces or dashes between them. */
    private static final Pattern CARD_NUMBER = Pattern.compile("(?<![\\w-])\\d(?:[ -]?\\d){12,18}(?![\\w-])");
    private static final Pattern US_SSN = Pattern.compile("(?<![\\w-])\\d{3}-\\d{2}-\\d{4}(?![\\w-])");
    /** The digits in a row a card number or a social security number has: texts without such a run skip them. */
    private static final int CARD_DIGITS = 13;
    private static final int SSN_DIGITS = 9;
    private static final BoundedMemo<Boolean> SENSITIVE_KEYS = new BoundedMemo<>(4096, 64, Redactions::decide);

    private Redactions() {
    }

    /** Called for every field name of every event; names repeat, so each is decided once (within a bound). */
    static boolean isSensitiveKey(String key) {
        return key != null && !key.isEmpty() && SENSITIVE_KEYS.get(key);
    }

    private static boolean decide(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String part : KEY_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return KEY_NAMES.contains(lettersAndDigits(lower)) || hasKeyWord(key);
    }

    private static String lettersAndDigits(String lower) {
        StringBuilder kept = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (isAsciiLetterOrDigit(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** Whether one of the words of the name is a {@link #KEY_WORDS}: words end at other characters and before a capital. */
    private static boolean hasKeyWord(String key) {
        int start = 0;
        for (int i = 0; i <= key.length(); i++) {
            boolean end = i == key.length() || !isAsciiLetterOrDigit(key.charAt(i));
            boolean camel = !end && i > start && isUpper(key.charAt(i))
                    && (isLower(key.charAt(i - 1)) || isDigit(key.charAt(i - 1)));
            if (end || camel) {
                if (i > start && KEY_WORDS.contains(key.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                start = end ? i + 1 : i;
            }
        }
        return false;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isLower(c) || isUpper(c) || isDigit(c);
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The text with every secret it contains replaced by {@link #FILTERED}. */
    static String redact(String text) {
        Clues clues = Clues.of(text);
        String result = text;
        if (clues.pem()) {
            result = PEM_KEY.matcher(result).replaceAll("$1" + FILTERED + "$2");
        }
        if (clues.bearer()) {
            result = BEARER.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(FILTERED));
        }
        if (clues.urlPassword()) {
            result = URL_PASSWORD.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(FILTERED) + "@");
        }
        if (clues.keyValue()) {
            result = keyValues(result);
        }
        if (clues.digitRun() >= CARD_DIGITS) {
            result = cardNumbers(result);
        }
        if (clues.digitRun() >= SSN_DIGITS && clues.dash()) {
            result = US_SSN.matcher(result).replaceAll(Matcher.quoteReplacement(FILTERED));
        }
        return result;
    }

    /**
     * What one pass over a text finds: which expressions could match at all. Redacting only removes text and adds
     * {@link #FILTERED}, so what the original text lacks, no step creates for the next one.
     *
     * @param digitRun the most digits in a row, single spaces or dashes between them allowed
     */
    private record Clues(boolean pem, boolean bearer, boolean urlPassword, boolean keyValue, int digitRun,
            boolean dash) {

        static Clues of(String text) {
            boolean pem = false;
            boolean bearer = false;
            boolean at = false;
            boolean scheme = false;
            boolean equals = false;
            boolean dash = false;
            int run = 0;
            int longest = 0;
            int length = text.length();
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (isDigit(c)) {
                    longest = Math.max(longest, ++run);
                    continue;
                }
                boolean joinsDigits = (c == ' ' || c == '-') && run > 0 && i + 1 < length
                        && isDigit(text.charAt(i + 1));
                if (!joinsDigits) {
                    run = 0;
                }
                switch (c) {
                    case '-' -> {
                        dash = true;
                        pem = pem || text.startsWith("-----BEGIN", i);
                    }
                    case 'b', 'B' -> bearer = bearer || text.regionMatches(true, i, "bearer", 0, 6);
                    case '@' -> at = true;
                    case ':' -> scheme = scheme || text.startsWith("://", i);
                    case '=' -> equals = true;
                    default -> {
                    }
                }
            }
            return new Clues(pem, bearer, at && scheme, equals, longest, dash);
        }
    }

    private static String keyValues(String text) {
        Matcher matcher = KEY_VALUE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = isSensitiveKey(matcher.group(1)) && !matcher.group(2).isEmpty()
                    ? matcher.group(1) + "=" + FILTERED : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(out).toString();
    }

    private static String cardNumbers(String text) {
        Matcher matcher = CARD_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            matcher.appendReplacement(out, Matcher.quoteReplacement(isCardNumber(digits) ? FILTERED
                    : matcher.group()));
        }
        return matcher.appendTail(out).toString();
    }

    /**
     * A payment card number: issuers' numbers start with 2 to 6 (so Unix millisecond times and most ids do not
     * qualify) and pass the Luhn check.
     */
    static boolean isCardNumber(String digits) {
        if (digits.length() < 13 || digits.length() > 19 || digits.charAt(0) < '2' || digits.charAt(0) > '6') {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
