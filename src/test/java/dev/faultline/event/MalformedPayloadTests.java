package dev.faultline.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.faultline.event.TestEvents.normalize;
import static dev.faultline.event.TestEvents.object;
import static org.assertj.core.api.Assertions.assertThat;

/** Payloads no SDK should send: the normalizer never throws on them and still gives the normalized shape. */
class MalformedPayloadTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"event_id\": [], \"timestamp\": [], \"level\": [], \"platform\": 5, \"logger\": {}, \"release\": {},"
                    + " \"dist\": [], \"environment\": 5, \"server_name\": [], \"transaction\": {}, \"culprit\": 1}",
            "{\"exception\": 5, \"stacktrace\": \"x\", \"threads\": 7, \"breadcrumbs\": \"x\", \"contexts\": [],"
                    + " \"user\": 5, \"request\": [], \"tags\": \"x\", \"extra\": [], \"fingerprint\": {},"
                    + " \"logentry\": 5, \"message\": [], \"sdk\": 3, \"checksum\": {}}",
            "{\"exception\": {\"values\": [1, null, \"x\", {\"type\": [], \"value\": [1], \"stacktrace\": 5,"
                    + " \"mechanism\": []}, {\"type\": \"E\", \"stacktrace\": {\"frames\": {\"a\": 1}}}]}}",
            "{\"stacktrace\": {\"frames\": [1, null, {\"lineno\": {}, \"colno\": [], \"in_app\": 1, \"vars\": 5,"
                    + " \"pre_context\": {}, \"function\": [], \"filename\": {}, \"abs_path\": 7}]}}",
            "{\"request\": {\"url\": 5, \"method\": [], \"headers\": 5, \"cookies\": 5, \"query_string\": 5,"
                    + " \"data\": null, \"env\": 5, \"fragment\": {}}, \"user\": {\"ip_address\": 5, \"data\": 5}}",
            "{\"request\": {\"url\": \"::not a url::?%zz=%%#\", \"headers\": [[1, 2], [null, \"x\"], [\"a\"]],"
                    + " \"cookies\": \";;==;a\", \"data\": \"{broken json\"}}",
            "{\"breadcrumbs\": {\"values\": [null, 5, {\"timestamp\": {}, \"level\": 99, \"data\": []}]},"
                    + " \"contexts\": {\"os\": 5, \"runtime\": {\"name\": [], \"version\": {}}, \"browser\": []}}",
            "{\"logentry\": {\"message\": \"%s %d %(x)s {0} {} %\", \"params\": {\"x\": []}},"
                    + " \"timestamp\": \"2026-13-45T99:99:99Z\"}",
            "{\"tags\": [[[], []], [null, null], {\"key\": {}, \"value\": 1}], \"fingerprint\": [null]}",
            "{\"csp\": \"x\", \"type\": [], \"received\": \"x\", \"errors\": 5, \"_meta\": 7}"})
    void neverThrowsOnWrongTypes(String payload) {
        ObjectNode event = normalize(payload);

        NormalizerTests.assertContract(event);
    }

    @Test
    void cutsDeeplyNestedValuesWithoutOverflowingTheStack() {
        ObjectNode event = object("{\"extra\": {}, \"vendor\": {}, \"contexts\": {\"app\": {}}}");
        nest((ObjectNode) event.get("extra"), 10_000);
        nest((ObjectNode) event.get("vendor"), 10_000);
        nest((ObjectNode) event.at("/contexts/app"), 10_000);

        ObjectNode normalized = TestEvents.NORMALIZER.normalize(event, TestEvents.received());

        assertThat(depth(normalized.get("extra"))).isLessThanOrEqualTo(7);
        assertThat(depth(normalized.get("contexts"))).isLessThanOrEqualTo(7);
        assertThat(depth(normalized.get("vendor"))).isLessThanOrEqualTo(Trimming.MAX_DEPTH);
        assertThat(normalized.at("/extra/level/level/level/level/level").isObject()).isTrue();
        assertThat(normalized.at("/extra/level/level/level/level/level/level").stringValue())
                .startsWith("{\"level\":{\"level\":");
    }

    @Test
    void cutsHugeStrings() {
        String huge = "x".repeat(50 * 1024 * 1024);
        ObjectNode event = object("{}");
        event.put("message", huge);
        event.putObject("extra").put("dump", huge);
        event.put("vendor", huge);
        event.putObject("vendor_object").put("name", "kept").put("dump", huge);
        event.putArray("vendor_list").add("kept").add(huge);
        event.putArray("exception").addObject().put("type", "E").put("value", huge);
        event.putArray("breadcrumbs").addObject().put("message", huge);

        ObjectNode normalized = TestEvents.NORMALIZER.normalize(event, TestEvents.received());

        assertThat(normalized.at("/logentry/formatted").stringValue()).hasSize(LogEntries.MAX_MESSAGE_CHARS);
        assertThat(normalized.at("/extra/dump").stringValue().length()).isLessThanOrEqualTo(16_384);
        assertThat(normalized.get("vendor").stringValue()).hasSize(Trimming.MAX_STRING_CHARS);
        assertThat(normalized.at("/vendor_object/name").stringValue()).isEqualTo("kept");
        assertThat(normalized.at("/vendor_object/dump").stringValue()).hasSize(Trimming.MAX_STRING_CHARS);
        assertThat(normalized.at("/vendor_list/0").stringValue()).isEqualTo("kept");
        assertThat(normalized.at("/vendor_list/1").stringValue()).hasSize(Trimming.MAX_STRING_CHARS);
        assertThat(normalized.at("/exception/values/0/value").stringValue()).hasSize(Exceptions.MAX_VALUE_CHARS);
        assertThat(normalized.at("/breadcrumbs/values/0/message").stringValue())
                .hasSize(LogEntries.MAX_MESSAGE_CHARS);
    }

    /** Nests {"level": {"level": ...}} under the object, built without recursion. */
    private static void nest(ObjectNode root, int levels) {
        ObjectNode current = root;
        for (int i = 0; i < levels; i++) {
            current = current.putObject("level");
        }
        current.put("bottom", true);
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainer() ? deepest + 1 : 0;
    }
}
