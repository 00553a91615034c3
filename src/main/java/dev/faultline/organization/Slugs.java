package dev.faultline.organization;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.faultline.api.Problem;

/** URL names of organizations, teams and projects: lower-case letters, digits and dashes. */
public final class Slugs {

    private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,49}$");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9_-]+");

    /** First path segments of pages and routes, which an organization slug would shadow. */
    static final Set<String> RESERVED = Set.of("login", "logout", "register", "reset-password", "accept", "profile",
            "organizations", "settings", "issues", "projects", "performance", "api", "_health", "css", "js",
            "webjars", "static", "favicon.ico", "favicon.svg", "error", "admin", "status", "status_page", "new",
            "auth", "oauth", "sso");

    private Slugs() {
    }

    /** "My Shop (EU)" becomes "my-shop-eu"; a name with nothing usable gives {@code fallback}. */
    public static String fromName(String name, String fallback) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = NOT_ALLOWED.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^[-_]+|[-_]+$", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("[-_]+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }

    /** A slug given by the client, checked as it is. */
    public static String check(String slug) {
        if (slug == null || !VALID.matcher(slug).matches()) {
            throw Problem.badRequest("slug", "'" + slug + "' is not a valid slug: use 1 to 50 lower-case letters, "
                    + "digits, dashes and underscores, starting with a letter or digit");
        }
        return slug;
    }

    /** The name's slug, or with -2, -3 ... appended when {@code taken} says it is in use. */
    public static String unique(String base, Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        for (int suffix = 2; ; suffix++) {
            String candidate = base.substring(0, Math.min(base.length(), 46)) + "-" + suffix;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }
}
