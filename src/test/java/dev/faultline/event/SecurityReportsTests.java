package dev.faultline.event;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecurityReportsTests {

    @Test
    void turnsTheMozillaExampleIntoACspEvent() throws IOException {
        JsonNode report = JsonMapper.shared().readTree(
                Files.readString(TestEvents.FIXTURES.resolve("glitchtip/csp/mozilla_example.json")));

        List<ObjectNode> events = SecurityReports.toEvents(report);

        assertThat(events).hasSize(1);
        ObjectNode event = events.getFirst();
        assertThat(event.get("type").stringValue()).isEqualTo("csp");
        assertThat(event.get("level").stringValue()).isEqualTo("error");
        assertThat(event.get("logger").stringValue()).isEqualTo("csp");
        assertThat(event.at("/request/url").stringValue()).isEqualTo("http://example.com/signup.html");
        assertThat(event.get("csp")).isEqualTo(json("""
                {"blocked_uri": "http://example.com/css/style.css", "document_uri": "http://example.com/signup.html",
                 "original_policy": "default-src 'none'; style-src cdn.example.com; report-to /_/csp-reports",
                 "referrer": "", "status_code": 200, "violated_directive": "style-src-elem",
                 "disposition": "report", "effective_directive": "style-src-elem"}"""));
        assertThat(event.get("tags")).isEqualTo(json("""
                [["effective-directive", "style-src-elem"], ["blocked-uri", "http://example.com/css/style.css"],
                 ["blocked-host", "example.com"]]"""));
    }

    @Test
    void summarizesACspEventAsSentryDoes() throws IOException {
        JsonNode report = JsonMapper.shared().readTree(
                Files.readString(TestEvents.FIXTURES.resolve("glitchtip/csp/mozilla_example.json")));
        ObjectNode event = TestEvents.NORMALIZER.normalize(SecurityReports.toEvents(report).getFirst(), received());

        EventSummary summary = EventSummaries.of(event);

        assertThat(summary.type()).isEqualTo("csp");
        assertThat(summary.title()).isEqualTo("Blocked 'style' from 'example.com'");
        assertThat(summary.culprit()).isEqualTo("style-src-elem");
        assertThat(summary.metadata()).isEqualTo(json("""
                {"directive": "style-src-elem", "uri": "example.com",
                 "message": "Blocked 'style' from 'example.com'"}"""));
        assertThat(event.at("/user/ip_address").stringValue()).isEqualTo("203.0.113.9");
        assertThat(event.at("/csp/blocked_uri").stringValue()).isEqualTo("http://example.com/css/style.css");
    }

    @Test
    void turnsEachViolationOfAReportingApiBatchIntoAnEvent() {
        JsonNode batch = json("""
                [{"type": "csp-violation", "age": 53531, "url": "https://example.com/shop",
                  "user_agent": "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
                  "body": {"blockedURL": "https://evil.example.net/x.js", "columnNumber": 39,
                           "disposition": "enforce", "documentURL": "https://example.com/shop",
                           "effectiveDirective": "script-src-elem", "lineNumber": 121,
                           "originalPolicy": "default-src 'self'; report-to csp", "referrer": "https://www.google.com/",
                           "sample": "", "sourceFile": "https://example.com/shop", "statusCode": 200}},
                 {"type": "deprecation", "body": {"id": "x"}},
                 {"type": "csp-violation", "body": {"blockedURL": "https://img.example.org/a.png",
                           "documentURL": "https://example.com/shop", "effectiveDirective": "img-src"}}]""");

        List<ObjectNode> events = SecurityReports.toEvents(batch);

        assertThat(events).hasSize(2);
        ObjectNode first = TestEvents.NORMALIZER.normalize(events.get(0), received());
        assertThat(first.at("/logentry/formatted").stringValue()).isEqualTo("Blocked 'script' from 'evil.example.net'");
        assertThat(first.get("csp")).isEqualTo(json("""
                {"blocked_uri": "https://evil.example.net/x.js", "document_uri": "https://example.com/shop",
                 "original_policy": "default-src 'self'; report-to csp", "referrer": "https://www.google.com/",
                 "status_code": 200, "violated_directive": "", "source_file": "https://example.com/shop",
                 "line_number": 121, "column_number": 39, "script_sample": "", "disposition": "enforce",
                 "effective_directive": "script-src-elem"}"""));
        assertThat(first.at("/request/headers").toString()).contains("[\"Referer\",\"https://www.google.com/\"]");
        assertThat(first.at("/contexts/browser/name").stringValue()).isEqualTo("Firefox");
        assertThat(events.get(1).at("/logentry/formatted").stringValue())
                .isEqualTo("Blocked 'image' from 'img.example.org'");
    }

    @Test
    void takesTheDocumentAsCulpritWhenNoDirectiveWasNamedAsViolated() {
        JsonNode report = json("""
                [{"type": "csp-violation", "body": {"blockedURL": "https://img.example.org/a.png",
                  "documentURL": "https://example.com/shop", "effectiveDirective": "img-src"}}]""");
        ObjectNode event = TestEvents.NORMALIZER.normalize(SecurityReports.toEvents(report).getFirst(), received());

        EventSummary summary = EventSummaries.of(event);

        assertThat(summary.title()).isEqualTo("Blocked 'image' from 'img.example.org'");
        assertThat(summary.culprit()).isEqualTo("https://example.com/shop");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            img-src         | http://google.com/foo              | Blocked 'image' from 'google.com'
            style-src       | ''                                 | Blocked inline 'style'
            script-src      | ''                                 | Blocked unsafe (eval() or inline) 'script'
            script-src      | inline                             | Blocked unsafe inline 'script'
            script-src      | eval                               | Blocked unsafe eval() 'script'
            script-src      | data:text/plain;base64,SGVsbG8%3D  | Blocked 'script' from 'data:'
            script-src      | data                               | Blocked 'script' from 'data:'
            style-src-elem  | http://fonts.google.com/foo        | Blocked 'style' from 'fonts.google.com'
            script-src-elem | http://cdn.ajaxapis.com/foo        | Blocked 'script' from 'cdn.ajaxapis.com'
            style-src       | http://notlocalhost:8000/lol.css   | Blocked 'style' from 'notlocalhost:8000'
            form-action     | https://phish.example/login        | Blocked 'form' action to 'phish.example'
            frame-ancestors | https://framer.example/            | Blocked 'frame-ancestors' from 'framer.example'
            """)
    void writesRelaysMessages(String directive, String blocked, String message) {
        JsonNode report = json("""
                {"csp-report": {"document-uri": "http://example.com/foo", "effective-directive": "%s",
                                "blocked-uri": "%s"}}""".formatted(directive, blocked));

        assertThat(SecurityReports.toEvents(report).getFirst().at("/logentry/formatted").stringValue())
                .isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://example.com/foo  | style-src http://cdn.example.com      | style-src http://cdn.example.com
            http://example.com/foo  | style-src cdn.example.com             | style-src cdn.example.com
            http://example.com/foo  | style-src http://example.com          | style-src 'self'
            http://example.com/foo  | style-src http://example2.com example.com | style-src http://example2.com 'self'
            https://example.com/foo | default-src self                      | default-src self
            """)
    void takesTheCulpritFromTheViolatedDirective(String document, String violated, String culprit) {
        JsonNode report = json("""
                {"csp-report": {"document-uri": "%s", "violated-directive": "%s",
                                "blocked-uri": "http://evil.example/"}}""".formatted(document, violated));

        assertThat(SecurityReports.toEvents(report).getFirst().get("culprit").stringValue()).isEqualTo(culprit);
    }

    @Test
    void readsTheDirectiveFromTheViolatedOneWhenFirefoxSendsNoEffectiveDirective() {
        JsonNode report = json("""
                {"csp-report": {"document-uri": "https://example.com/foo/bar", "referrer": "https://www.google.com/",
                                "violated-directive": "default-src self",
                                "blocked-uri": "http://evilhackerscripts.com"}}""");

        ObjectNode event = SecurityReports.toEvents(report).getFirst();

        assertThat(event.at("/csp/effective_directive").stringValue()).isEqualTo("default-src");
        assertThat(event.at("/logentry/formatted").stringValue())
                .isEqualTo("Blocked 'default-src' from 'evilhackerscripts.com'");
    }

    @Test
    void dropsStripeQueriesFromTheBlockedUriTag() {
        JsonNode report = json("""
                {"csp-report": {"document-uri": "https://example.com", "effective-directive": "script-src",
                                "blocked-uri": "https://api.stripe.com/v1/tokens?card[number]=xxx"}}""");

        assertThat(SecurityReports.toEvents(report).getFirst().at("/tags/1/1").stringValue())
                .isEqualTo("https://api.stripe.com/v1/tokens");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"text\"", "42", "null", "{}", "{\"foo\": 1}", "{\"csp-report\": \"x\"}",
            "{\"csp-report\": {\"blocked-uri\": \"http://a.example/\"}}",
            "{\"csp-report\": {\"effective-directive\": \"made-up-src\"}}", "[1]",
            "[{\"type\": \"csp-violation\"}]", "[{\"type\": \"csp-violation\", \"body\": []}]"})
    void rejectsWhatIsNotACspReport(String body) {
        assertThatIllegalArgumentException().isThrownBy(() -> SecurityReports.toEvents(json(body)))
                .withMessageStartingWith("invalid CSP report");
    }

    private static Received received() {
        return new Received(null, Instant.now(), null, "203.0.113.9", true, false);
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
