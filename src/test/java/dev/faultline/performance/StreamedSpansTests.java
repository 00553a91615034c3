package dev.faultline.performance;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.faultline.support.WireCapture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class StreamedSpansTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theNodeSdksSpanItemBecomesATransactionWithItsChildSpan() {
        WireCapture capture = WireCapture.read(WireCapture.FIXTURES.resolve("wire/node/013.txt"));
        String[] lines = new String(capture.body(), StandardCharsets.UTF_8).split("\n");
        assertThat(lines[1]).contains("\"type\":\"span\"");

        List<ObjectNode> transactions = StreamedSpans.toTransactions(JSON.readTree(lines[2]));

        ObjectNode transaction = transactions.getFirst();
        assertThat(transactions).hasSize(1);
        assertThat(transaction.get("type").asString()).isEqualTo("transaction");
        assertThat(transaction.get("transaction").asString()).isEqualTo("GET /checkout");
        assertThat(transaction.get("release").asString()).isEqualTo("myapp@1.0.0");
        assertThat(transaction.get("environment").asString()).isEqualTo("test");
        JsonNode trace = transaction.path("contexts").path("trace");
        assertThat(trace.get("op").asString()).isEqualTo("http.server");
        assertThat(trace.get("status").asString()).isEqualTo("ok");
        assertThat(trace.get("trace_id").asString()).isEqualTo("dff0bf4e43e44b3d9128b1797a4f8ad3");
        assertThat(transaction.get("timestamp").asDouble() - transaction.get("start_timestamp").asDouble())
                .isBetween(0.03, 0.04);
        JsonNode child = transaction.get("spans").get(0);
        assertThat(transaction.get("spans")).hasSize(1);
        assertThat(child.get("description").asString()).isEqualTo("SELECT 1");
        assertThat(child.get("op").asString()).isEqualTo("db.query");
        assertThat(child.get("parent_span_id").asString()).isEqualTo("b93b05f969e7873b");
    }

    @Test
    void spansWithoutTheirSegmentMakeNoTransaction() {
        String orphans = """
                {"version":2,"items":[{"name":"late child","span_id":"aa","parent_span_id":"bb","is_segment":false,
                 "start_timestamp":1,"end_timestamp":2}]}""";

        assertThat(StreamedSpans.toTransactions(JSON.readTree(orphans))).isEmpty();
    }

    @Test
    void aSingleSpanOfTheOlderFormatWithoutParentIsASegment() {
        String span = """
                {"description":"GET /","op":"http.server","span_id":"aa","trace_id":"tt","start_timestamp":1,
                 "timestamp":3,"status":"internal_error"}""";

        ObjectNode transaction = StreamedSpans.toTransactions(JSON.readTree(span)).getFirst();

        assertThat(transaction.path("contexts").path("trace").get("op").asString()).isEqualTo("http.server");
        assertThat(transaction.path("contexts").path("trace").get("status").asString()).isEqualTo("internal_error");
        assertThat(transaction.get("timestamp").asInt()).isEqualTo(3);
    }
}
