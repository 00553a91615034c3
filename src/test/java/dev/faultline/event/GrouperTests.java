package dev.faultline.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class GrouperTests {

    private final Grouper grouper = new Grouper();

    // A Java exception with an in-app frame (its function and line given) called from a library frame.
    private static final String JAVA_EXCEPTION = """
            {"platform": "java", "exception": {"values": [{"type": "%s", "value": "%s", "stacktrace": {"frames": [
              {"module": "org.springframework.web.servlet.FrameworkServlet", "function": "service",
               "filename": "FrameworkServlet.java", "lineno": 897, "in_app": false},
              {"module": "com.example.OrderController", "function": "%s", "filename": "OrderController.java",
               "lineno": %d, "in_app": true}
            ]}}]}}""";

    @Test
    void groupsTheSameExceptionThrownFromDifferentLines() {
        Grouping first = group(JAVA_EXCEPTION.formatted("IllegalStateException", "no stock", "place", 42));
        Grouping second = group(JAVA_EXCEPTION.formatted("IllegalStateException", "no stock", "place", 57));

        assertThat(first.hash()).isEqualTo(second.hash()).matches("[0-9a-f]{32}");
        assertThat(first.method()).isEqualTo("default");
    }

    @Test
    void separatesExceptionTypes() {
        assertThat(hash(JAVA_EXCEPTION.formatted("IllegalStateException", "x", "place", 42)))
                .isNotEqualTo(hash(JAVA_EXCEPTION.formatted("IllegalArgumentException", "x", "place", 42)));
    }

    @Test
    void separatesDifferentInAppFunctions() {
        assertThat(hash(JAVA_EXCEPTION.formatted("IllegalStateException", "x", "place", 42)))
                .isNotEqualTo(hash(JAVA_EXCEPTION.formatted("IllegalStateException", "x", "cancel", 42)));
    }

    @Test
    void ignoresLibraryFramesWhenThereAreInAppFrames() {
        String event = JAVA_EXCEPTION.formatted("IllegalStateException", "x", "place", 42);
        String otherLibrary = event.replace("FrameworkServlet\", \"function\": \"service\"",
                "DispatcherServlet\", \"function\": \"doDispatch\"");

        assertThat(otherLibrary).isNotEqualTo(event);
        assertThat(hash(otherLibrary)).isEqualTo(hash(event));
        assertThat(group(event).components().at("/exception/0/frames/0").toString())
                .contains("\"contributes\":false", "non in-app frame");
    }

    @Test
    void groupsByAllFramesWhenNoneIsInApp() {
        String event = """
                {"exception": {"values": [{"type": "KeyError", "stacktrace": {"frames": [
                  {"module": "lib.a", "function": "%s"}, {"module": "lib.b", "function": "get"}]}}]}}""";

        assertThat(hash(event.formatted("run"))).isNotEqualTo(hash(event.formatted("start")));
        assertThat(group(event.formatted("run")).components().at("/exception/0/frames/0/contributes").asBoolean())
                .isTrue();
    }

    @Test
    void prefersModuleOverFileName() {
        String event = """
                {"exception": {"values": [{"type": "KeyError", "stacktrace": {"frames": [
                  {"module": "app.views", "filename": "%s", "function": "get"}]}}]}}""";

        assertThat(hash(event.formatted("app/views.py"))).isEqualTo(hash(event.formatted("src/app/views.py")));
        assertThat(group(event.formatted("app/views.py")).components().at("/exception/0/frames/0").toString())
                .isEqualTo("{\"module\":\"app.views\",\"function\":\"get\",\"contributes\":true}");
    }

    @Test
    void groupsByFileBaseNameWithoutDirectories() {
        String event = """
                {"platform": "native", "exception": {"values": [{"type": "SIGSEGV", "stacktrace": {"frames": [
                  {"filename": "%s", "function": "main"}]}}]}}""";

        String unix = hash(event.formatted("/home/ci/build-17/src/main.c"));
        assertThat(hash(event.formatted("/home/dev/project/src/main.c"))).isEqualTo(unix);
        assertThat(hash(event.formatted("C:\\\\work\\\\src\\\\Main.c"))).isEqualTo(unix);
        assertThat(hash(event.formatted("/home/dev/project/src/util.c"))).isNotEqualTo(unix);
        assertThat(group(event.formatted("/home/dev/project/src/main.c")).components()
                .at("/exception/0/frames/0/filename").asString()).isEqualTo("main.c");
    }

    @Test
    void normalizesJavaLambdaAndAnonymousClassNames() {
        String event = """
                {"platform": "java", "exception": {"values": [{"type": "NullPointerException", "stacktrace": {
                  "frames": [{"module": "%s", "function": "%s", "in_app": true}]}}]}}""";

        String first = hash(event.formatted("com.example.Jobs$1", "lambda$run$0"));
        assertThat(hash(event.formatted("com.example.Jobs$2", "lambda$run$3"))).isEqualTo(first);
        assertThat(hash(event.formatted("com.example.Jobs", "lambda$"))).isEqualTo(first);
        assertThat(hash(event.formatted("com.example.Jobs$1", "call"))).isNotEqualTo(first);
        assertThat(group(event.formatted("com.example.Jobs$1", "lambda$run$0")).components()
                .at("/exception/0/frames/0").toString())
                .contains("\"module\":\"com.example.Jobs\"", "\"function\":\"lambda$\"");
    }

    @Test
    void ignoresGeneratedJavaClassNumbers() {
        String event = """
                {"platform": "java", "exception": {"values": [{"type": "NullPointerException", "stacktrace": {
                  "frames": [{"module": "%s", "function": "accept", "in_app": true},
                             {"module": "com.example.Billing$$SpringCGLIB$$%s", "function": "charge", "in_app": true}
                  ]}}]}}""";

        assertThat(hash(event.formatted("com.example.Jobs$$Lambda$42/0x0000000800c0b000", "0")))
                .isEqualTo(hash(event.formatted("com.example.Jobs$$Lambda/0x00007f3a1c0d2e40", "1")));
    }

    @Test
    void trimsNativeFunctionSignatures() {
        String event = """
                {"platform": "native", "exception": {"values": [{"type": "SIGABRT", "stacktrace": {"frames": [
                  {"function": "%s", "in_app": true}]}}]}}""";

        String trimmed = hash(event.formatted("std::vector<T>::push_back"));
        assertThat(hash(event.formatted("void std::vector<int, std::allocator<int> >::push_back(int const&)")))
                .isEqualTo(trimmed);
        assertThat(hash(event.formatted("std::vector<long>::push_back(long&&) const"))).isEqualTo(trimmed);
    }

    @Test
    void groupsScriptFramesByTheirUrlPathWithoutHostOrBuildHash() {
        String event = """
                {"platform": "javascript", "exception": {"values": [{"type": "TypeError", "stacktrace": {"frames": [
                  {"abs_path": "%s", "filename": "%1$s", "function": "%s", "lineno": 1, "colno": 3811}]}}]}}""";

        String first = hash(event.formatted("https://cdn.example.com/static/js/main.3f9a2c81.js", "Checkout.submit"));
        assertThat(hash(event.formatted("https://example.org/static/js/main.8d04e1b7.js?v=2", "submit")))
                .isEqualTo(first);
        assertThat(hash(event.formatted("https://cdn.example.com/static/js/vendor.3f9a2c81.js", "submit")))
                .isNotEqualTo(first);
        assertThat(group(event.formatted("https://cdn.example.com/static/js/main.3f9a2c81.js", "submit"))
                .components().at("/exception/0/frames/0/module").asString()).isEqualTo("main");
    }

    @Test
    void ignoresAnonymousFunctionNames() {
        String event = """
                {"platform": "%s", "exception": {"values": [{"type": "Error", "stacktrace": {"frames": [
                  {"module": "app.jobs", "function": "%s", "in_app": true}]}}]}}""";

        assertThat(hash(event.formatted("javascript", "?"))).isEqualTo(hash(event.formatted("javascript", "<anonymous>")));
        assertThat(hash(event.formatted("python", "<lambda>"))).isEqualTo(hash(event.formatted("python", "")));
    }

    @Test
    void groupsPythonFramesBySourceLineToo() {
        String event = """
                {"platform": "python", "exception": {"values": [{"type": "ZeroDivisionError", "stacktrace": {
                  "frames": [{"module": "app.stats", "function": "mean", "context_line": "%s", "in_app": true}]}}]}}""";

        assertThat(hash(event.formatted("    return total / count")))
                .isEqualTo(hash(event.formatted("return  total / count")))
                .isNotEqualTo(hash(event.formatted("return total / len(items)")));
        String longLine = "x = " + "1 + ".repeat(40) + "1";
        assertThat(hash(event.formatted(longLine))).isEqualTo(hash(event.formatted(longLine + " + 2")));
    }

    @Test
    void groupsMessagesThatDifferOnlyInNumbers() {
        String event = "{\"logentry\": {\"formatted\": \"%s\"}}";

        assertThat(hash(event.formatted("user 5 failed"))).isEqualTo(hash(event.formatted("user 7 failed")));
        assertThat(hash(event.formatted("user 5 failed"))).isNotEqualTo(hash(event.formatted("user 5 logged in")));
        assertThat(group(event.formatted("user 5 failed")).components().at("/message/value").asString())
                .isEqualTo("user <int> failed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "order 3f2504e0-4f89-41d3-9a0c-0305e82c3301 missing | order <uuid> missing",
            "mail to jane.doe+test@example.com bounced | mail to <email> bounced",
            "GET https://api.example.com/v1/orders?id=7 failed | GET <url> failed",
            "no route to 192.168.10.4 | no route to <ip>",
            "no route to 2001:db8::8a2e:370:7334 | no route to <ip>",
            "cannot reach db.example.com | cannot reach <hostname>",
            "bad pointer 0x7ffee4b0c9a8 | bad pointer <hex>",
            "blob d41d8cd98f00b204e9800998ecf8427e not found | blob <md5> not found",
            "commit 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 not found | commit <sha1> not found",
            "trace 4bf92f3577b34da6a3ce929d0e0e4736c0ffee0042 lost | trace <hex> lost",
            "expired at 2024-01-15T10:30:00.123Z | expired at <date>",
            "expired at 2024-01-15 10:30:00 | expired at <date>",
            "expired on Mon, 15 Jan 2024 10:30:00 GMT | expired on <date>",
            "expired on 2024-01-15 | expired on <date>",
            "took 1.5 seconds | took <float> seconds",
            "timed out after 250ms | timed out after <duration>",
            "query failed: id=-12 status='closed' retry=true | query failed: id=<int> status=<quoted_str> retry=<bool>",
            "std::vector::at failed | std::vector::at failed",
    })
    void replacesEventSpecificValuesInMessages(String message, String normalized) {
        Grouping grouping = group("{\"logentry\": {\"formatted\": " + JsonMapper.shared().writeValueAsString(message) + "}}");

        assertThat(grouping.components().at("/message/value").asString()).isEqualTo(normalized);
    }

    @Test
    void groupsByTheFirstTwoLinesOfAMessage() {
        String event = "{\"logentry\": {\"formatted\": \"%s\"}}";

        assertThat(hash(event.formatted("Failed\\n\\nat step one\\nrequest 17")))
                .isEqualTo(hash(event.formatted("Failed\\nat step one\\n\\nrequest 18")));
        assertThat(group(event.formatted("Failed\\n\\nat step one\\nrequest 17")).components()
                .at("/message/value").asString()).isEqualTo("Failed\nat step one...");
    }

    @Test
    void prefersTheLogTemplateOverTheFormattedMessage() {
        String event = """
                {"logentry": {"formatted": "%s", "message": "Payment for %%s declined", "params": ["%s"]}}""";

        assertThat(hash(event.formatted("Payment for Jane declined", "Jane")))
                .isEqualTo(hash(event.formatted("Payment for Bob declined", "Bob")));
        assertThat(group(event.formatted("Payment for Jane declined", "Jane")).components()
                .at("/message/value").asString()).isEqualTo("Payment for %s declined");
    }

    @Test
    void customFingerprintReplacesTheDefault() {
        Grouping first = group(withFingerprint(JAVA_EXCEPTION.formatted("IllegalStateException", "x", "place", 42),
                "[\"database-down\"]"));
        Grouping second = group(withFingerprint(JAVA_EXCEPTION.formatted("TimeoutException", "y", "cancel", 9),
                "[\"database-down\"]"));

        assertThat(first.hash()).isEqualTo(second.hash());
        assertThat(first.method()).isEqualTo("fingerprint");
        assertThat(first.components().toString()).isEqualTo("{\"fingerprint\":{\"values\":[\"database-down\"]}}");
        assertThat(hash(withFingerprint("{}", "[\"database-slow\"]"))).isNotEqualTo(first.hash());
    }

    @Test
    void defaultInAFingerprintExtendsTheDefaultGrouping() {
        String event = JAVA_EXCEPTION.formatted("IllegalStateException", "x", "place", 42);
        String extended = hash(withFingerprint(event, "[\"{{ default }}\", \"eu-west\"]"));

        assertThat(extended).isNotEqualTo(hash(event))
                .isNotEqualTo(hash(withFingerprint(event, "[\"{{ default }}\", \"us-east\"]")))
                .isEqualTo(hash(withFingerprint(JAVA_EXCEPTION.formatted("IllegalStateException", "x", "place", 77),
                        "[\"{{default}}\", \"eu-west\"]")))
                .isEqualTo(hash(withFingerprint(event, "[\"{{  DEFAULT }}\", \"eu-west\"]")));
        assertThat(hash(withFingerprint(JAVA_EXCEPTION.formatted("TimeoutException", "x", "place", 42),
                "[\"{{ default }}\", \"eu-west\"]"))).isNotEqualTo(extended);
        Grouping grouping = group(withFingerprint(event, "[\"{{ default }}\", \"eu-west\"]"));
        assertThat(grouping.method()).isEqualTo("fingerprint");
        assertThat(grouping.components().get("fingerprint").toString())
                .isEqualTo("{\"values\":[\"{{ default }}\",\"eu-west\"]}");
        assertThat(grouping.components().at("/exception/0/type/value").asString()).isEqualTo("IllegalStateException");
    }

    @Test
    void fingerprintOfOnlyTheDefaultIsTheDefaultGrouping() {
        String event = JAVA_EXCEPTION.formatted("IllegalStateException", "x", "place", 42);
        Grouping grouping = group(withFingerprint(event, "[\"{{ default }}\"]"));

        assertThat(grouping.hash()).isEqualTo(hash(event));
        assertThat(grouping.method()).isEqualTo("default");
    }

    @Test
    void emptyFingerprintMeansTheDefaultGrouping() {
        String event = JAVA_EXCEPTION.formatted("IllegalStateException", "x", "place", 42);
        Grouping grouping = group(withFingerprint(event, "[]"));

        assertThat(grouping.hash()).isEqualTo(hash(event));
        assertThat(grouping.method()).isEqualTo("default");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{{ transaction }}     | /checkout",
            "{{ type }}            | IllegalStateException",
            "{{ error.type }}      | IllegalStateException",
            "{{ function }}        | place",
            "{{ module }}          | com.example.OrderController",
            "{{ level }}           | warning",
            "{{ logger }}          | orders",
            "{{ tags.region }}     | eu-west",
            "{{ message }}         | Order 5 failed",
            "{{ value }}           | no stock",
            "{{ tags.missing }}    | <no-value-for-tag-missing>",
            "{{ colour }}          | <unrecognized-variable-colour>",
            "plain                 | plain",
    })
    void resolvesFingerprintVariables(String entry, String value) {
        ObjectNode event = event(withFingerprint(JAVA_EXCEPTION.formatted("IllegalStateException", "no stock",
                "place", 42), "[\"" + entry + "\"]"));
        event.put("transaction", "/checkout").put("level", "warning").put("logger", "orders");
        event.set("tags", JsonMapper.shared().readTree("[[\"server\", \"web-1\"], [\"region\", \"eu-west\"]]"));
        event.putObject("logentry").put("formatted", "Order 5 failed");

        Grouping grouping = grouper.group(event);

        assertThat(grouping.components().at("/fingerprint/values/0").asString()).isEqualTo(value);
        assertThat(grouping.hash()).isEqualTo(hash(withFingerprint("{}", "[\"" + value + "\"]")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{{ transaction }} | <no-transaction>",
            "{{ type }}        | <no-type>",
            "{{ function }}    | <no-function>",
            "{{ module }}      | <no-module>",
            "{{ level }}       | <no-level>",
            "{{ logger }}      | <no-logger>",
            "{{ tags.region }} | <no-value-for-tag-region>",
    })
    void replacesMissingVariablesByAMarker(String entry, String marker) {
        Grouping grouping = group(withFingerprint("{}", "[\"" + entry + "\"]"));

        assertThat(grouping.components().at("/fingerprint/values/0").asString()).isEqualTo(marker);
    }

    @Test
    void takesTheCrashingFrameFromTheTopLevelStackWhenThereIsNoException() {
        String event = """
                {"fingerprint": ["{{ function }}", "{{ module }}"], "stacktrace": {"frames": [
                  {"module": "app.main", "function": "main", "in_app": true},
                  {"module": "app.jobs", "function": "run", "in_app": true},
                  {"module": "threading", "function": "wait", "in_app": false}]}}""";

        assertThat(group(event).components().at("/fingerprint/values").toString()).isEqualTo("[\"run\",\"app.jobs\"]");
    }

    @Test
    void checksumWinsOverEverything() {
        Grouping grouping = group(withFingerprint(JAVA_EXCEPTION.formatted("IllegalStateException", "x", "place", 42)
                .replace("{\"platform\"", "{\"checksum\": \"0123456789ABCDEF0123456789ABCDEF\", \"platform\""),
                "[\"database-down\"]"));

        assertThat(grouping.hash()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(grouping.method()).isEqualTo("checksum");
    }

    @Test
    void hashesAChecksumThatIsNotAnMd5() throws Exception {
        Grouping grouping = group("{\"checksum\": \"release-42/crash\"}");

        assertThat(grouping.hash()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest("release-42/crash".getBytes(StandardCharsets.UTF_8))));
        assertThat(grouping.components().at("/checksum/hint").asString()).contains("hashed");
    }

    @Test
    void groupsChainedExceptionsByEveryExceptionInTheChain() {
        String event = """
                {"platform": "java", "exception": {"values": [
                  {"type": "%s", "stacktrace": {"frames": [
                    {"module": "com.example.OrderRepository", "function": "save", "in_app": true}]}},
                  {"type": "ServiceException", "stacktrace": {"frames": [
                    {"module": "com.example.OrderService", "function": "place", "in_app": true}]}}]}}""";

        String sqlCause = hash(event.formatted("SQLException"));
        assertThat(hash(event.formatted("SocketTimeoutException"))).isNotEqualTo(sqlCause);
        JsonNode components = group(event.formatted("SQLException")).components();
        assertThat(components.at("/exception/0/type/value").asString()).isEqualTo("SQLException");
        assertThat(components.at("/exception/1/type/value").asString()).isEqualTo("ServiceException");
    }

    @Test
    void groupsAnExceptionWithoutInAppFramesByItsMessageWhenAnotherHasSome() {
        String event = """
                {"platform": "java", "exception": {"values": [
                  {"type": "SQLException", "value": "%s", "stacktrace": {"frames": [
                    {"module": "org.postgresql.jdbc.PgStatement", "function": "execute", "in_app": false}]}},
                  {"type": "ServiceException", "stacktrace": {"frames": [
                    {"module": "com.example.OrderService", "function": "place", "in_app": true}]}}]}}""";

        assertThat(hash(event.formatted("deadlock on row 5"))).isEqualTo(hash(event.formatted("deadlock on row 9")))
                .isNotEqualTo(hash(event.formatted("disk full")));
        assertThat(group(event.formatted("deadlock on row 5")).components().at("/exception/0/value").toString())
                .isEqualTo("{\"value\":\"deadlock on row <int>\",\"contributes\":true,"
                        + "\"hint\":\"event-specific values replaced\"}");
    }

    @Test
    void usesTheExceptionMessageOnlyWhenNoFrameCounts() {
        String withoutFrames = "{\"exception\": {\"values\": [{\"type\": \"ValueError\", \"value\": \"%s\"}]}}";
        assertThat(hash(withoutFrames.formatted("bad input"))).isNotEqualTo(hash(withoutFrames.formatted("bad output")));
        assertThat(hash(withoutFrames.formatted("row 5 bad"))).isEqualTo(hash(withoutFrames.formatted("row 6 bad")));

        String event = JAVA_EXCEPTION.formatted("IllegalStateException", "%s", "place", 42);
        assertThat(hash(event.formatted("bad input"))).isEqualTo(hash(event.formatted("bad output")));
        assertThat(group(event.formatted("bad input")).components().at("/exception/0/value").toString())
                .isEqualTo("{\"value\":\"bad input\",\"contributes\":false,\"hint\":\"stack trace takes precedence\"}");
    }

    @Test
    void ignoresTheTypeOfSyntheticExceptions() {
        String event = """
                {"exception": {"values": [{"type": "%s", "mechanism": {"synthetic": true}, "stacktrace": {
                  "frames": [{"module": "app.jobs", "function": "run"}]}}]}}""";

        assertThat(hash(event.formatted("SIGSEGV"))).isEqualTo(hash(event.formatted("EXC_BAD_ACCESS")));
    }

    @Test
    void groupsAStackTraceWithoutExceptionByItsFrames() {
        String event = """
                {"logentry": {"formatted": "%s"}, "stacktrace": {"frames": [
                  {"module": "app.jobs", "function": "%s", "in_app": true}]}}""";

        assertThat(hash(event.formatted("slow job", "run"))).isEqualTo(hash(event.formatted("stuck job", "run")))
                .isNotEqualTo(hash(event.formatted("slow job", "retry")));
        assertThat(group(event.formatted("slow job", "run")).components().get("message").toString())
                .isEqualTo("{\"value\":\"slow job\",\"contributes\":false,\"hint\":\"stacktrace takes precedence\"}");
        assertThat(hash("{\"logentry\": {\"formatted\": \"slow job\"}, \"stacktrace\": {\"frames\": [{\"lineno\": 4}]}}"))
                .isEqualTo(hash("{\"logentry\": {\"formatted\": \"slow job\"}}"));
    }

    @Test
    void groupsThreadsByTheCrashedThreadsStack() {
        String event = """
                {"threads": {"values": [
                  {"id": 1, "stacktrace": {"frames": [{"module": "app.ui", "function": "%s"}]}},
                  {"id": 2, "crashed": true, "stacktrace": {"frames": [{"module": "app.sync", "function": "%s"}]}}
                ]}}""";

        assertThat(hash(event.formatted("loop", "upload"))).isEqualTo(hash(event.formatted("idle", "upload")))
                .isNotEqualTo(hash(event.formatted("loop", "download")));
        assertThat(group(event.formatted("loop", "upload")).components().at("/threads/frames/0/function").asString())
                .isEqualTo("upload");
    }

    @Test
    void groupsCspReportsByDirectiveAndBlockedHost() {
        String event = """
                {"csp": {"effective_directive": "%s", "blocked_uri": "%s", "document_uri": "https://example.com/"},
                 "logentry": {"formatted": "Blocked 'script' from '%2$s'"}}""";

        String evil = hash(event.formatted("script-src", "https://evil.example.net/a.js?x=1"));
        assertThat(hash(event.formatted("script-src", "https://evil.example.net:8443/b.js"))).isEqualTo(evil);
        assertThat(hash(event.formatted("script-src", "https://ads.example.org/a.js"))).isNotEqualTo(evil);
        assertThat(hash(event.formatted("img-src", "https://evil.example.net/a.js"))).isNotEqualTo(evil);
        assertThat(group(event.formatted("script-src", "https://evil.example.net/a.js")).components()
                .at("/csp/blocked/value").asString()).isEqualTo("evil.example.net");
        assertThat(group(event.formatted("img-src", "data:image/png;base64,iVBORw0K")).components()
                .at("/csp/blocked/value").asString()).isEqualTo("data");
        assertThat(group(event.formatted("script-src", "inline")).components()
                .at("/csp/blocked/value").asString()).isEqualTo("inline");
    }

    @Test
    void takesTheCspDirectiveFromTheViolatedDirectiveWhenNeeded() {
        String event = """
                {"csp": {"violated_directive": "%s", "blocked_uri": "%s"}}""";

        assertThat(hash(event.formatted("style-src 'self' cdn.example.com", "https://fonts.example.net/x.css")))
                .isEqualTo(hash(event.formatted("style-src 'self'", "https://fonts.example.net/y.css")));
        assertThat(hash(event.formatted("script-src 'self' 'unsafe-inline'", "self")))
                .isEqualTo(hash(event.formatted("script-src 'unsafe-inline' https:", "")))
                .isNotEqualTo(hash(event.formatted("script-src 'self' 'unsafe-eval'", "self")));
    }

    @Test
    void groupsEventsWithNothingToGroupByTogether() {
        Grouping empty = group("{}");

        assertThat(empty.hash()).isEqualTo(hash("{\"level\": \"error\", \"platform\": \"python\"}"))
                .isEqualTo(hash("{\"exception\": {\"values\": [{}]}, \"stacktrace\": {\"frames\": []}}"));
        assertThat(empty.method()).isEqualTo("default");
        assertThat(empty.components().get("fallback")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"exception\": {\"values\": [{\"type\": 5, \"stacktrace\": {\"frames\": {\"0\": {}}}}]}}",
            "{\"exception\": {\"values\": [null, 3, {\"stacktrace\": {\"frames\": [null, 7, {\"function\": 12}]}}]}}",
            "{\"exception\": {\"values\": \"oops\"}, \"threads\": [1, 2], \"stacktrace\": \"frames\"}",
            "{\"exception\": [], \"logentry\": \"hello\", \"fingerprint\": \"not a list\", \"checksum\": 99}",
            "{\"fingerprint\": [null, {}, [], 42, true], \"tags\": {\"a\": 1}}",
            "{\"fingerprint\": [\"{{ tags.a }}\", \"{{ function }}\", \"{{}}\", \"{{ }}\"], \"tags\": [[1, 2], \"x\", []]}",
            "{\"csp\": {\"effective_directive\": [], \"blocked_uri\": \"https://\"}}",
            "{\"csp\": {\"blocked_uri\": \"http://[::1]:8080/x\"}, \"logentry\": {\"message\": 5, \"formatted\": null}}",
            "{\"platform\": \"native\", \"stacktrace\": {\"frames\": [{\"function\": \"(((<<<>>>)))\"}, {\"function\": \">)\"}]}}",
            "{\"platform\": \"javascript\", \"stacktrace\": {\"frames\": [{\"abs_path\": \"https:\", \"function\": \".\"}]}}",
            "{\"platform\": \"java\", \"stacktrace\": {\"frames\": [{\"module\": \"$$Lambda\", \"function\": \"lambda$\"}]}}",
            "{\"platform\": \"php\", \"stacktrace\": {\"frames\": [{\"function\": \"class@anonymous::\"}]}}",
    })
    void toleratesOddData(String json) {
        assertThatCode(() -> assertThat(group(json).hash()).matches("[0-9a-f]{32}")).doesNotThrowAnyException();
    }

    @Test
    void recordsWhichFramesContributedAndWhy() {
        String event = """
                {"platform": "python", "exception": {"values": [{"type": "ValueError", "value": "bad id 42",
                  "stacktrace": {"frames": [
                    {"filename": "lib/site-packages/django/core/handlers/base.py", "function": "get_response",
                     "lineno": 197, "in_app": false},
                    {"module": "app.views", "filename": "app/views.py", "function": "get", "lineno": 12,
                     "in_app": true},
                    {"module": "app.views", "filename": "app/views.py", "function": "get", "lineno": 12,
                     "in_app": true}]}}]}}""";

        JsonNode components = group(event).components();

        assertThat(components.toString()).isEqualTo("""
                {"exception":[{"type":{"value":"ValueError","contributes":true},\
                "value":{"value":"bad id 42","contributes":false,"hint":"stack trace takes precedence"},\
                "frames":[\
                {"filename":"base.py","function":"get_response","contributes":false,"hint":"non in-app frame"},\
                {"module":"app.views","function":"get","contributes":true},\
                {"module":"app.views","function":"get","contributes":false,"hint":"recursion"}]}]}""");
    }

    private Grouping group(String json) {
        return grouper.group(event(json));
    }

    private String hash(String json) {
        return group(json).hash();
    }

    private static ObjectNode event(String json) {
        return (ObjectNode) JsonMapper.shared().readTree(json);
    }

    private static String withFingerprint(String event, String fingerprint) {
        ObjectNode node = event(event);
        node.set("fingerprint", JsonMapper.shared().readTree(fingerprint));
        return node.toString();
    }
}
