package dev.faultline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without the rendering: keeps cookies, does not follow redirects, and sends forms with the CSRF token of
 * the page they are on, as a person clicking through the pages would.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    public WebSession(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** Fetches the page, then submits a form to {@code action} with the page's CSRF token and the fields. */
    public HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        String token = csrfToken(get(page).body());
        var all = new LinkedHashMap<String, String>();
        all.put("_csrf", token);
        all.putAll(fields);
        return post(action, all);
    }

    /** Posts the fields as they are: no CSRF token unless one is among them. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A JSON call on the browser's session, with the CSRF header the pages give scripts. */
    public HttpResponse<String> json(String method, String path, String body, boolean withCsrfHeader) {
        var builder = request(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (withCsrfHeader) {
            Matcher meta = CSRF_META.matcher(get("/profile").body());
            if (meta.find()) {
                builder.header("X-CSRF-Token", meta.group(1));
            }
        }
        return send(builder.build());
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on the page:\n" + html);
        }
        return matcher.group(1);
    }

    /** Registers an account from the registration page and stays signed in with it. */
    public HttpResponse<String> register(String email, String password) {
        return submit("/register", "/register", Map.of("name", "", "email", email, "password", password));
    }

    public HttpResponse<String> signIn(String email, String password) {
        return submit("/login", "/login", Map.of("email", email, "password", password));
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(l -> URI.create(l).getPath()
                + (URI.create(l).getRawQuery() == null ? "" : "?" + URI.create(l).getRawQuery())).orElse(null);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
