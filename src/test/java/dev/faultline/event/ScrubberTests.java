package dev.faultline.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ScrubberTests {

    private static final String FILTERED = "[Filtered]";

    private final Scrubber scrubber = new Scrubber();

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "user_password", "passwd", "secret", "client_secret", "api_key",
            "apikey", "apiKey", "X-Api-Key", "access_token", "refreshToken", "auth", "Authorization", "credentials",
            "mysql_pwd", "private_key", "privateKey", "csrf", "csrfmiddlewaretoken", "session", "sessionId",
            "ssn", "user_ssn", "userSsn", "otpCode", "card.cvc", "otp", "two_factor", "credit_card", "cardNumber",
            "cvv", "cookies"})
    void filtersValuesUnderSensitiveNames(String name) {
        ObjectNode event = event("{\"extra\": {\"" + name + "\": \"hunter2\", \"color\": \"blue\"}}");

        scrubber.scrub(event);

        assertThat(event.at("/extra/" + name.replace("/", "~1")).stringValue()).isEqualTo(FILTERED);
        assertThat(event.at("/extra/color").stringValue()).isEqualTo("blue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"color", "classname", "DESKTOP_SESSION", "XDG_SESSION_TYPE", "description", "PWD",
            "lotpCount", "SSNumber"})
    void keepsValuesUnderOrdinaryNames(String name) {
        ObjectNode event = event("{\"extra\": {\"" + name + "\": \"blue\"}}");

        scrubber.scrub(event);

        assertThat(event.at("/extra/" + name).stringValue()).isEqualTo("blue");
    }

    @Test
    void filtersNestedValuesAndWholeContainersUnderSensitiveNames() {
        ObjectNode event = event("""
                {"extra": {"config": {"db": {"password": "x", "host": "db"}}, "auth": {"user": "a", "pass": "b"},
                           "items": [{"token": "t1"}, {"token": "t2", "id": 3}], "headers": [["Secret", "s"]]},
                 "contexts": {"app": {"api_key": "k", "name": "shop"}},
                 "user": {"id": "7", "email": "a@example.com", "data": {"password": "p"}},
                 "breadcrumbs": {"values": [{"message": "login", "data": {"password": "p", "user": "a"}}]},
                 "logentry": {"formatted": "x", "params": {"secret": "s"}}}""");

        scrubber.scrub(event);

        assertThat(event.at("/extra/config/db/password").stringValue()).isEqualTo(FILTERED);
        assertThat(event.at("/extra/config/db/host").stringValue()).isEqualTo("db");
        assertThat(event.at("/extra/auth").stringValue()).isEqualTo(FILTERED);
        assertThat(event.at("/extra/items/0/token").stringValue()).isEqualTo(FILTERED);
        assertThat(event.at("/extra/items/1/id").intValue()).isEqualTo(3);
        assertThat(event.at("/extra/headers/0/1").stringValue()).isEqualTo(FILTERED);
        assertThat(event.at("/contexts/app/api_key").stringValue()).isEqualTo(FILTERED);
        assertThat(event.at("/contexts/app/name").stringValue()).isEqualTo("shop");
        assertThat(event.at("/user/id").stringValue()).isEqualTo("7");
        assertThat(event.at("/user/email").stringValue()).isEqualTo("a@example.com");
        assertThat(event.at("/user/data/password").stringValue()).isEqualTo(FILTERED);
        assertThat(event.at("/breadcrumbs/values/0/data/password").stringValue()).isEqualTo(FILTERED);
        assertThat(event.at("/breadcrumbs/values/0/data/user").stringValue()).isEqualTo("a");
        assertThat(event.at("/logentry/params/secret").stringValue()).isEqualTo(FILTERED);
    }

    @Test
    void filtersFrameVariablesButNeverFramesExceptionTypesOrIds() {
        ObjectNode event = event("""
                {"event_id": "4111111111111111aaaaaaaaaaaaaaaa",
                 "exception": {"values": [{"type": "AuthenticationError", "module": "auth.tokens",
                   "value": "bad token", "mechanism": {"type": "auth"},
                   "stacktrace": {"frames": [{"filename": "auth/password.py", "abs_path": "/app/auth/password.py",
                     "function": "check_password", "module": "auth.password", "context_line": "password = x",
                     "vars": {"password": "hunter2", "username": "alice"}}]}}]}}""");

        scrubber.scrub(event);

        JsonNode exception = event.at("/exception/values/0");
        JsonNode frame = exception.at("/stacktrace/frames/0");
        assertThat(event.get("event_id").stringValue()).isEqualTo("4111111111111111aaaaaaaaaaaaaaaa");
        assertThat(exception.get("type").stringValue()).isEqualTo("AuthenticationError");
        assertThat(exception.get("module").stringValue()).isEqualTo("auth.tokens");
        assertThat(exception.at("/mechanism/type").stringValue()).isEqualTo("auth");
        assertThat(frame.get("filename").stringValue()).isEqualTo("auth/password.py");
        assertThat(frame.get("abs_path").stringValue()).isEqualTo("/app/auth/password.py");
        assertThat(frame.get("function").stringValue()).isEqualTo("check_password");
        assertThat(frame.get("context_line").stringValue()).isEqualTo("password = x");
        assertThat(frame.at("/vars/password").stringValue()).isEqualTo(FILTERED);
        assertThat(frame.at("/vars/username").stringValue()).isEqualTo("alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "5555555555554444",
            "378282246310005", "6011111111111117"})
    void filtersCardNumbersInAnyString(String card) {
        ObjectNode event = event("""
                {"logentry": {"formatted": "charge %s declined"},
                 "exception": {"values": [{"type": "CardError", "value": "card %s"}]},
                 "extra": {"note": "paid with %s."}}""".formatted(card, card, card));

        scrubber.scrub(event);

        assertThat(event.at("/logentry/formatted").stringValue()).isEqualTo("charge [Filtered] declined");
        assertThat(event.at("/exception/values/0/value").stringValue()).isEqualTo("card [Filtered]");
        assertThat(event.at("/extra/note").stringValue()).isEqualTo("paid with [Filtered].");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "1599504394897", "order 12345678901234", "9111111111111111"})
    void keepsNumbersThatAreNotCardNumbers(String text) {
        ObjectNode event = event("{\"extra\": {\"note\": \"" + text + "\"}}");

        scrubber.scrub(event);

        assertThat(event.at("/extra/note").stringValue()).isEqualTo(text);
    }

    @Test
    void filtersSecretsInsideStrings() {
        ObjectNode event = event("""
                {"extra": {"header": "Bearer eyJhbGciOi.abc.def", "dsn": "postgres://app:s3cret@db:5432/app",
                  "url": "https://example.com/login?user=alice&password=hunter2&next=/",
                  "key": "-----BEGIN RSA PRIVATE KEY-----\\nMIIEow\\n-----END RSA PRIVATE KEY-----",
                  "ssn": "x", "note": "SSN 078-05-1120 on file"}}""");

        scrubber.scrub(event);

        assertThat(event.at("/extra/header").stringValue()).isEqualTo("Bearer [Filtered]");
        assertThat(event.at("/extra/dsn").stringValue()).isEqualTo("postgres://[Filtered]@db:5432/app");
        assertThat(event.at("/extra/url").stringValue())
                .isEqualTo("https://example.com/login?user=alice&password=[Filtered]&next=/");
        assertThat(event.at("/extra/key").stringValue())
                .isEqualTo("-----BEGIN RSA PRIVATE KEY-----[Filtered]-----END RSA PRIVATE KEY-----");
        assertThat(event.at("/extra/note").stringValue()).isEqualTo("SSN [Filtered] on file");
    }

    @Test
    void filtersCredentialHeadersCookiesAndSensitiveQueryParameters() {
        ObjectNode event = event("""
                {"request": {"url": "https://example.com/", "method": "POST",
                  "headers": [["Authorization", "Basic YWxhZGRpbjpvcGVuc2VzYW1l"], ["Proxy-Authorization", "x"],
                              ["Set-Cookie", "sessionid=abc"], ["X-Csrftoken", "t"], ["Host", "example.com"],
                              ["User-Agent", "Mozilla/5.0"]],
                  "cookies": [["sessionid", "abc"], ["theme", "dark"]],
                  "query_string": [["q", "shoes"], ["api_key", "k"]],
                  "data": {"username": "alice", "password": "hunter2"},
                  "env": {"SECRET_KEY": "k", "SERVER_NAME": "web1"}}}""");

        scrubber.scrub(event);

        JsonNode request = event.get("request");
        assertThat(request.at("/headers/0/1").stringValue()).isEqualTo(FILTERED);
        assertThat(request.at("/headers/1/1").stringValue()).isEqualTo(FILTERED);
        assertThat(request.at("/headers/2/1").stringValue()).isEqualTo(FILTERED);
        assertThat(request.at("/headers/3/1").stringValue()).isEqualTo(FILTERED);
        assertThat(request.at("/headers/4/1").stringValue()).isEqualTo("example.com");
        assertThat(request.at("/headers/5/1").stringValue()).isEqualTo("Mozilla/5.0");
        assertThat(request.at("/cookies/0").toString()).isEqualTo("[\"sessionid\",\"[Filtered]\"]");
        assertThat(request.at("/cookies/1").toString()).isEqualTo("[\"theme\",\"[Filtered]\"]");
        assertThat(request.at("/query_string/0/1").stringValue()).isEqualTo("shoes");
        assertThat(request.at("/query_string/1/1").stringValue()).isEqualTo(FILTERED);
        assertThat(request.at("/data/username").stringValue()).isEqualTo("alice");
        assertThat(request.at("/data/password").stringValue()).isEqualTo(FILTERED);
        assertThat(request.at("/env/SECRET_KEY").stringValue()).isEqualTo(FILTERED);
        assertThat(request.at("/env/SERVER_NAME").stringValue()).isEqualTo("web1");
    }

    @Test
    void filtersSensitiveTags() {
        ObjectNode event = event("{\"tags\": [[\"api_token\", \"abc\"], [\"plan\", \"pro\"]]}");

        scrubber.scrub(event);

        assertThat(event.get("tags").toString()).isEqualTo("[[\"api_token\",\"[Filtered]\"],[\"plan\",\"pro\"]]");
    }

    @Test
    void filtersTheEnvironmentVariablesOpenSourceSentryFiltered() throws IOException {
        Path fixtures = TestEvents.FIXTURES.resolve("glitchtip");
        ObjectNode payload = (ObjectNode) read(fixtures.resolve("incoming_events/sentry_cli_send_event_no_level.json"));
        JsonNode stored = read(fixtures.resolve("oss_sentry_json/sentry_cli_send_event_no_level.json"));

        ObjectNode event = TestEvents.NORMALIZER.normalize(payload, received(true, false));

        assertThat(event.get("extra")).isEqualTo(stored.get("extra"));
    }

    @Test
    void scrubsNothingWhenTheProjectDoesNotScrubData() {
        ObjectNode event = event("""
                {"extra": {"password": "hunter2", "card": "4111 1111 1111 1111"},
                 "request": {"headers": {"Authorization": "Bearer abc"}, "cookies": "theme=dark"},
                 "user": {"ip_address": "198.51.100.4"}}""");

        TestEvents.NORMALIZER.normalize(event, received(false, false));

        assertThat(event.at("/extra/password").stringValue()).isEqualTo("hunter2");
        assertThat(event.at("/extra/card").stringValue()).isEqualTo("4111 1111 1111 1111");
        assertThat(event.at("/request/headers/0/1").stringValue()).isEqualTo("Bearer abc");
        assertThat(event.at("/request/cookies/0/1").stringValue()).isEqualTo("dark");
        assertThat(event.at("/user/ip_address").stringValue()).isEqualTo("198.51.100.4");
    }

    @Test
    void removesIpAddressesEvenWhenDataIsNotScrubbed() {
        ObjectNode event = event("""
                {"platform": "javascript", "user": {"id": "7", "ip_address": "198.51.100.4"},
                 "sdk": {"name": "s", "client_ip": "198.51.100.4"},
                 "request": {"url": "https://example.com/", "env": {"REMOTE_ADDR": "198.51.100.4"},
                   "headers": {"X-Forwarded-For": "198.51.100.4, 10.0.0.1", "X-Real-Ip": "198.51.100.4",
                               "Forwarded": "for=198.51.100.4;proto=https", "X-Request-Id": "12",
                               "Content-Length": "3", "Via": "1.1 proxy"}},
                 "extra": {"password": "kept"}}""");

        TestEvents.NORMALIZER.normalize(event, new Received(null, Instant.now(), null, "203.0.113.9", false, true));

        assertThat(event.at("/user/ip_address").isMissingNode()).isTrue();
        assertThat(event.at("/user/id").stringValue()).isEqualTo("7");
        assertThat(event.at("/sdk/client_ip").isMissingNode()).isTrue();
        assertThat(event.at("/request/env/REMOTE_ADDR").isMissingNode()).isTrue();
        assertThat(event.at("/request/headers").toString())
                .isEqualTo("[[\"Content-Length\",\"3\"],[\"Via\",\"1.1 proxy\"],[\"X-Request-Id\",\"12\"]]");
        assertThat(event.get("tags").toString()).contains("[\"user\",\"id:7\"]").doesNotContain("198.51.100.4");
        assertThat(event.at("/extra/password").stringValue()).isEqualTo("kept");
    }

    @Test
    void dropsTheUserWhenOnlyItsAddressWasKnown() {
        ObjectNode event = event("{\"platform\": \"javascript\"}");

        TestEvents.NORMALIZER.normalize(event, new Received(null, Instant.now(), null, "203.0.113.9", true, true));

        assertThat(event.has("user")).isFalse();
    }

    private static Received received(boolean scrubData, boolean scrubIpAddresses) {
        return new Received(null, Instant.now(), null, "203.0.113.9", scrubData, scrubIpAddresses);
    }

    private static ObjectNode event(String json) {
        return (ObjectNode) JsonMapper.shared().readTree(json);
    }

    private static JsonNode read(Path path) throws IOException {
        return JsonMapper.shared().readTree(Files.readString(path));
    }
}
