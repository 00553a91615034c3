package dev.faultline.issue;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class StackTraceTextTests {

    @Test
    void printsAJavaStackTrace() {
        assertThat(StackTraceText.of(FixtureEvents.body(FixtureEvents.JAVA))).isEqualTo("""
                java.lang.IllegalStateException: boom 42
                \tat SendAll.main(SendAll.java:13)""");
    }

    /** Sentry's Java SDK sends the cause first; Java prints the outer exception first and its shared frames once. */
    @Test
    void printsJavaCausesAfterTheExceptionTheyCaused() {
        ObjectNode payload = FixtureEvents.payload(FixtureEvents.JAVA);
        ArrayNode values = (ArrayNode) payload.get("exception").get("values");
        values.insert(0, JsonMapper.shared().readTree("""
                {"type": "IOException", "value": "disk full", "module": "java.io",
                 "mechanism": {"type": "chained", "exception_id": 1, "parent_id": 0},
                 "stacktrace": {"frames": [
                   {"filename": "SendAll.java", "function": "main", "module": "SendAll", "lineno": 13},
                   {"filename": "SendAll.java", "function": "write", "module": "SendAll", "lineno": 30},
                   {"filename": "FileOutputStream.java", "function": "writeBytes", "module": "java.io.FileOutputStream",
                    "native": true}]}}"""));

        assertThat(StackTraceText.of(FixtureEvents.normalize(payload))).isEqualTo("""
                java.lang.IllegalStateException: boom 42
                \tat SendAll.main(SendAll.java:13)
                Caused by: java.io.IOException: disk full
                \tat java.io.FileOutputStream.writeBytes(Native Method)
                \tat SendAll.write(SendAll.java:30)
                \t... 1 more""");
    }

    @Test
    void printsAPythonTraceback() {
        assertThat(StackTraceText.of(FixtureEvents.body(FixtureEvents.PYTHON))).isEqualTo("""
                Traceback (most recent call last):
                  File "/app/py_send.py", line 5, in <module>
                    1 / 0
                ZeroDivisionError: division by zero""");
    }

    @Test
    void printsPythonCausesFirstWithHowTheyWereChained() {
        ObjectNode payload = FixtureEvents.payload(FixtureEvents.PYTHON);
        ArrayNode values = (ArrayNode) payload.get("exception").get("values");
        values.add(JsonMapper.shared().readTree("""
                {"type": "ImproperlyConfigured", "value": "no divisor", "module": "django.core.exceptions",
                 "stacktrace": {"frames": [{"abs_path": "/app/settings.py", "function": "load", "lineno": 9,
                                            "context_line": "    raise ImproperlyConfigured('no divisor') from e"}]}}"""));
        ((ObjectNode) values.get(0)).putObject("mechanism").put("type", "chained").put("source", "__cause__");

        String text = StackTraceText.of(FixtureEvents.normalize(payload));

        assertThat(text).startsWith("Traceback (most recent call last):\n  File \"/app/py_send.py\", line 5");
        assertThat(text).endsWith("""
                ZeroDivisionError: division by zero

                The above exception was the direct cause of the following exception:

                Traceback (most recent call last):
                  File "/app/settings.py", line 9, in load
                    raise ImproperlyConfigured('no divisor') from e
                django.core.exceptions.ImproperlyConfigured: no divisor""");
    }

    @Test
    void printsANodeStackNewestFrameFirst() {
        assertThat(StackTraceText.of(FixtureEvents.body(FixtureEvents.NODE))).isEqualTo("""
                SyntaxError: Expected property name or '}' in JSON at position 1
                    at JSON.parse (<anonymous>)
                    at /app/send.mjs:8:12
                    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)
                    at ModuleLoader.import (node:internal/modules/esm/loader:606:24)
                    at asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)""");
    }

    @Test
    void keepsOnlyInAppFramesWhenAsked() {
        assertThat(StackTraceText.of(FixtureEvents.body(FixtureEvents.NODE), true)).isEqualTo("""
                SyntaxError: Expected property name or '}' in JSON at position 1
                    at /app/send.mjs:8:12""");
    }

    @Test
    void printsBrowserFramesAtTheirUrls() {
        String text = StackTraceText.of(FixtureEvents.body(FixtureEvents.BROWSER));

        assertThat(text.lines().limit(3)).containsExactly("Error: A Generic Error 9371d7",
                "    at viewWrappedDebugError (http://localhost:4201/vendor.js:63709:15)",
                "    at callWithDebugContext (http://localhost:4201/vendor.js:78906:15)");
    }

    @Test
    void isEmptyForAMessage() {
        ObjectNode message = FixtureEvents.normalize((ObjectNode) FixtureEvents.read(
                "glitchtip/incoming_events/django_message_params.json"));

        assertThat(StackTraceText.of(message)).isEmpty();
    }
}
