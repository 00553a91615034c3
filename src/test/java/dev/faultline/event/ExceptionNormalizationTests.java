package dev.faultline.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.faultline.event.TestEvents.json;
import static dev.faultline.event.TestEvents.normalize;
import static dev.faultline.event.TestEvents.object;
import static org.assertj.core.api.Assertions.assertThat;

/** Exceptions, stack traces, threads and frames. */
class ExceptionNormalizationTests {

    @ParameterizedTest
    @ValueSource(strings = {"[{\"type\": \"E\", \"value\": \"v\"}]",
            "{\"values\": [{\"type\": \"E\", \"value\": \"v\"}]}", "{\"type\": \"E\", \"value\": \"v\"}"})
    void readsExceptionsAsAListValuesOrALoneObject(String exception) {
        ObjectNode event = normalize("{\"exception\": " + exception + "}");

        assertThat(event.get("exception")).isEqualTo(json("{\"values\": [{\"type\": \"E\", \"value\": \"v\"}]}"));
        assertThat(event.get("type").stringValue()).isEqualTo("error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{\"values\": []}", "[{}]", "[{\"type\": \"\", \"value\": \"\"}]", "[null, 3, \"x\"]",
            "\"boom\"", "{\"values\": \"x\"}"})
    void dropsEmptyExceptions(String exception) {
        ObjectNode event = normalize("{\"exception\": " + exception + "}");

        assertThat(event.has("exception")).isFalse();
        assertThat(event.get("type").stringValue()).isEqualTo("default");
    }

    @Test
    void keepsTheOrderOfChainedExceptionsWithTheOutermostLast() {
        ObjectNode event = normalize("""
                {"exception": {"values": [{"type": "KeyError", "value": "a"}, {}, {"type": "ValueError"}]}}""");

        assertThat(event.at("/exception/values/0/type").stringValue()).isEqualTo("KeyError");
        assertThat(event.at("/exception/values/1/type").stringValue()).isEqualTo("ValueError");
        assertThat(event.at("/exception/values").size()).isEqualTo(2);
    }

    @Test
    void splitsTheTypeOutOfAValueLikePythonsRepr() {
        ObjectNode event = normalize("{\"exception\": [{\"value\": \"ValueError: unauthorized\"}]}");

        assertThat(event.at("/exception/values/0/type").stringValue()).isEqualTo("ValueError");
        assertThat(event.at("/exception/values/0/value").stringValue()).isEqualTo("unauthorized");
    }

    @Test
    void writesNonStringValuesAsText() {
        ObjectNode event = normalize("{\"exception\": [{\"type\": \"E\", \"value\": {\"code\": 7}, \"module\": 3}]}");

        assertThat(event.at("/exception/values/0/value").stringValue()).isEqualTo("{\"code\":7}");
        assertThat(event.at("/exception/values/0/module").stringValue()).isEqualTo("3");
    }

    @Test
    void movesALoneStacktraceIntoTheMainException() {
        ObjectNode event = normalize("""
                {"exception": [{"type": "Cause"}, {"type": "Main"}],
                 "stacktrace": {"frames": [{"function": "main", "filename": "app.py"}]}}""");

        assertThat(event.has("stacktrace")).isFalse();
        assertThat(event.at("/exception/values/1/stacktrace/frames/0/function").stringValue()).isEqualTo("main");
        assertThat(event.at("/exception/values/0/stacktrace").isMissingNode()).isTrue();
    }

    @Test
    void keepsTheMainExceptionsOwnStacktraceOverALoneOne() {
        ObjectNode event = normalize("""
                {"exception": [{"type": "E", "stacktrace": {"frames": [{"function": "own"}]}}],
                 "stacktrace": {"frames": [{"function": "lone"}]}}""");

        assertThat(event.has("stacktrace")).isFalse();
        assertThat(event.at("/exception/values/0/stacktrace/frames/0/function").stringValue()).isEqualTo("own");
    }

    @Test
    void keepsATopLevelStacktraceWhenThereIsNoException() {
        ObjectNode event = normalize("{\"message\": \"m\", \"stacktrace\": {\"frames\": [{\"function\": \"f\"}]}}");

        assertThat(event.at("/stacktrace/frames/0/function").stringValue()).isEqualTo("f");
    }

    @Test
    void keepsTheNewest250Frames() {
        ObjectNode event = normalize("{\"exception\": [{\"type\": \"RecursionError\", \"stacktrace\": "
                + "{\"frames\": " + frames(300) + "}}]}");

        JsonNode frames = event.at("/exception/values/0/stacktrace/frames");
        assertThat(frames.size()).isEqualTo(250);
        assertThat(frames.get(0).get("lineno").intValue()).isEqualTo(51);
        assertThat(frames.get(249).get("lineno").intValue()).isEqualTo(300);
    }

    @Test
    void dropsVariablesAndContextOfMiddleFramesBeyondFifty() {
        ObjectNode event = normalize("{\"stacktrace\": {\"frames\": " + frames(100) + "}}");

        JsonNode frames = event.at("/stacktrace/frames");
        assertThat(frames.get(0).has("vars")).isTrue();
        assertThat(frames.get(24).has("pre_context")).isTrue();
        assertThat(frames.get(25).has("vars")).isFalse();
        assertThat(frames.get(74).has("post_context")).isFalse();
        assertThat(frames.get(75).has("vars")).isTrue();
        assertThat(frames.get(99).has("vars")).isTrue();
    }

    @Test
    void coercesFrameFieldsToTheirTypes() {
        ObjectNode event = normalize("""
                {"stacktrace": {"frames": [
                  {"function": "?", "filename": "app.js", "lineno": "12", "colno": -3, "in_app": "yes",
                   "pre_context": ["a", null, 5], "post_context": "b", "vars": ["x", {"y": 1}], "symbol": "?"},
                  {"function": 42, "lineno": 7.0, "colno": "abc", "in_app": false, "abs_path": "/app/x.py"},
                  "junk", null]}}""");

        JsonNode first = event.at("/stacktrace/frames/0");
        assertThat(first).isEqualTo(json("""
                {"filename": "app.js", "lineno": 12, "pre_context": ["a", "", "5"], "vars": {"0": "x", "1": {"y": 1}},
                 "abs_path": "app.js", "context_line": ""}"""));
        JsonNode second = event.at("/stacktrace/frames/1");
        assertThat(second).isEqualTo(json("""
                {"function": "42", "lineno": 7, "in_app": false, "abs_path": "/app/x.py", "filename": "/app/x.py"}"""));
        assertThat(event.at("/stacktrace/frames").size()).isEqualTo(2);
    }

    @Test
    void takesAUrlsPathAsTheFilenameOfJavaScriptFrames() {
        ObjectNode event = normalize("""
                {"platform": "javascript", "exception": [{"type": "Error", "stacktrace": {"frames": [
                  {"filename": "http://127.0.0.1:8080/dist/bundle.js"}, {"filename": "https://example.com/"},
                  {"filename": "app:///main.js"},
                  {"filename": "webpack.js", "abs_path": "http://a.example/w.js"}]}}]}""");

        JsonNode frames = event.at("/exception/values/0/stacktrace/frames");
        assertThat(frames.get(0).get("filename").stringValue()).isEqualTo("/dist/bundle.js");
        assertThat(frames.get(0).get("abs_path").stringValue()).isEqualTo("http://127.0.0.1:8080/dist/bundle.js");
        assertThat(frames.get(1).get("filename").stringValue()).isEqualTo("https://example.com/");
        assertThat(frames.get(2).get("filename").stringValue()).isEqualTo("app:///main.js");
        assertThat(frames.get(3).get("filename").stringValue()).isEqualTo("webpack.js");
    }

    @Test
    void normalizesThreadStacktraces() {
        ObjectNode event = normalize("""
                {"threads": {"values": [{"id": 1, "crashed": true, "stacktrace": {"frames": [{"lineno": "3"}]}},
                                        {"id": 2, "stacktrace": {"frames": []}}, 7]}}""");

        assertThat(event.at("/threads/values/0/stacktrace/frames/0/lineno").intValue()).isEqualTo(3);
        assertThat(event.at("/threads/values/1").has("stacktrace")).isFalse();
        assertThat(event.at("/threads/values").size()).isEqualTo(2);
    }

    @Test
    void defaultsTheMechanismTypeAndKeepsOnlyBooleanFlags() {
        ObjectNode event = normalize("""
                {"exception": [{"type": "E", "mechanism": {"handled": "no", "synthetic": true}}]}""");

        assertThat(event.at("/exception/values/0/mechanism")).isEqualTo(object("""
                {"synthetic": true, "type": "generic"}"""));
    }

    /** Frames numbered by line from 1, each with variables and source context. */
    private static String frames(int count) {
        ArrayNode frames = Json.NODES.arrayNode();
        for (int i = 1; i <= count; i++) {
            ObjectNode frame = frames.addObject();
            frame.put("function", "recurse").put("filename", "app.py").put("lineno", i);
            frame.putObject("vars").put("depth", i);
            frame.putArray("pre_context").add("before");
            frame.putArray("post_context").add("after");
        }
        return frames.toString();
    }
}
