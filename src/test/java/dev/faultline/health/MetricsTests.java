package dev.faultline.health;

import dev.faultline.account.User;
import dev.faultline.support.Api;
import dev.faultline.support.Fixtures;
import dev.faultline.support.Ingest;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.TestProjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MetricsTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void administratorsReadIngestCountsInPrometheusFormat() {
        var fixtures = new Fixtures(context);
        User admin = fixtures.user("admin@example.com");
        Api api = new Api(port, fixtures.token(admin, "org:read"));
        TestProjects.TestProject project = new TestProjects(context).create("shop");
        String before = api.get("/api/0/internal/metrics/").body();
        String envelope = "{}\n{\"type\":\"session\"}\n{}\n{\"type\":\"made_up_by_a_client\"}\n{}\n";
        assertThat(Ingest.to(port, project.id()).key(project.publicKey()).envelope(envelope).statusCode())
                .isEqualTo(200);

        var response = api.get("/api/0/internal/metrics/");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("jvm_memory_used_bytes");
        for (String type : new String[] {"session", "other"}) {
            String skipped = "faultline_ingest_items_skipped_total{type=\"" + type + "\"}";
            assertThat(value(response.body(), skipped) - value(before, skipped)).as(skipped).isEqualTo(1.0);
        }
        assertThat(response.body()).doesNotContain("made_up_by_a_client");
    }

    /** A sample's value in Prometheus's text format; 0 when it is not there yet. */
    private static double value(String metrics, String sample) {
        return metrics.lines().filter(line -> line.startsWith(sample + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(sample.length() + 1))).orElse(0.0);
    }

    @Test
    void otherUsersAndAnonymousCallersAreRefused() {
        var fixtures = new Fixtures(context);
        fixtures.user("admin@example.com");
        User member = fixtures.user("member@example.com");

        assertThat(new Api(port, fixtures.token(member, "org:read")).get("/api/0/internal/metrics/").status())
                .isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/0/internal/metrics/").status()).isEqualTo(401);
    }
}
