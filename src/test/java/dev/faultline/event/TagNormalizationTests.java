package dev.faultline.event;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.faultline.event.TestEvents.json;
import static dev.faultline.event.TestEvents.normalize;
import static org.assertj.core.api.Assertions.assertThat;

/** Tags, the ones derived from the event, and breadcrumbs. */
class TagNormalizationTests {

    @ParameterizedTest
    @ValueSource(strings = {"{\"plan\": \"pro\", \"beta\": true, \"shard\": 3}",
            "[[\"plan\", \"pro\"], [\"beta\", true], [\"shard\", 3]]",
            "[{\"key\": \"plan\", \"value\": \"pro\"}, {\"key\": \"beta\", \"value\": true}, [\"shard\", 3]]"})
    void readsTagsAsAnObjectOrPairs(String tags) {
        ObjectNode event = normalize("{\"tags\": " + tags + "}");

        assertThat(sdkTags(event)).isEqualTo(json("[[\"plan\", \"pro\"], [\"beta\", \"True\"], [\"shard\", \"3\"]]"));
    }

    @Test
    void trimsAndCutsTagsAndDropsEmptyMultiLineReservedAndEqualsSignKeyedOnes() {
        ObjectNode event = normalize("""
                {"tags": [["  plan ", " pro  "], ["long", "%s"], ["%s", "v"], ["empty", "  "], ["", "x"],
                          ["lines", "a\\nb"], ["a\\nb", "lines"], ["a=b", "c"], ["release", "1.0"], ["user", "u"],
                          ["plan", "second"], ["obj", {}]]}"""
                .formatted("v".repeat(300), "k".repeat(300)));

        JsonNode tags = sdkTags(event);
        assertThat(tags.size()).isEqualTo(3);
        assertThat(tags.get(0)).isEqualTo(json("[\"plan\", \"pro\"]"));
        assertThat(tags.get(1).get(1).stringValue()).hasSize(200).endsWith("...");
        assertThat(tags.get(2).get(0).stringValue()).hasSize(200).endsWith("...");
    }

    @Test
    void movesAnEnvironmentTagToTheEnvironment() {
        ObjectNode event = normalize("{\"tags\": {\"environment\": \"staging\"}}");

        assertThat(event.get("environment").stringValue()).isEqualTo("staging");
        assertThat(event.get("tags").toString()).contains("[\"environment\",\"staging\"]");
    }

    @Test
    void derivesSentrysTagsInAFixedOrderAfterTheSdks() {
        ObjectNode event = normalize("""
                {"platform": "python", "level": "warning", "logger": "app.views", "release": "app@1.0", "dist": "7",
                 "transaction": "/checkout/", "server_name": "web-1", "environment": "prod",
                 "tags": {"plan": "pro", "level": "debug"},
                 "user": {"id": "42", "email": "a@example.com"},
                 "request": {"url": "https://shop.example/checkout/?step=2"},
                 "exception": [{"type": "E", "mechanism": {"type": "django", "handled": false}}],
                 "contexts": {"runtime": {"name": "CPython", "version": "3.11.2"}}}""");

        assertThat(event.get("tags")).isEqualTo(json("""
                [["plan", "pro"], ["level", "warning"], ["logger", "app.views"], ["environment", "prod"],
                 ["release", "app@1.0"], ["dist", "7"], ["transaction", "/checkout/"], ["server_name", "web-1"],
                 ["url", "https://shop.example/checkout/"], ["handled", "no"], ["mechanism", "django"],
                 ["user", "id:42"], ["runtime", "CPython 3.11.2"], ["runtime.name", "CPython"]]"""));
        assertThat(event.get("server_name").stringValue()).isEqualTo("web-1");
    }

    @Test
    void keepsTheNewest100Breadcrumbs() {
        ArrayNode breadcrumbs = Json.NODES.arrayNode();
        for (int i = 0; i < 150; i++) {
            breadcrumbs.addObject().put("message", "step " + i).put("timestamp", 1795313000 + i);
        }

        ObjectNode event = normalize("{\"breadcrumbs\": " + breadcrumbs + "}");

        JsonNode kept = event.at("/breadcrumbs/values");
        assertThat(kept.size()).isEqualTo(100);
        assertThat(kept.get(0).get("message").stringValue()).isEqualTo("step 50");
        assertThat(kept.get(99).get("message").stringValue()).isEqualTo("step 149");
    }

    @Test
    void givesBreadcrumbsNumberTimesTypesAndLevels() {
        ObjectNode event = normalize("""
                {"breadcrumbs": {"values": [
                  {"timestamp": "2026-11-22T02:03:21.362913Z", "level": "log", "category": "console", "data": {}},
                  {"timestamp": "soon", "type": "http", "level": "bogus", "message": 5, "data": {"status_code": 200}},
                  7]}}""");

        assertThat(event.at("/breadcrumbs/values")).isEqualTo(json("""
                [{"timestamp": 1795313001.362913, "type": "default", "level": "info", "category": "console"},
                 {"type": "http", "level": "info", "message": "5", "data": {"status_code": 200}}]"""));
    }

    private static JsonNode sdkTags(ObjectNode event) {
        List<String> derived = List.of("level", "environment", "logger", "release", "dist", "transaction", "url",
                "server_name", "user");
        ArrayNode sdk = Json.NODES.arrayNode();
        event.get("tags").forEach(tag -> {
            if (!derived.contains(tag.get(0).stringValue())) {
                sdk.add(tag);
            }
        });
        return sdk;
    }
}
