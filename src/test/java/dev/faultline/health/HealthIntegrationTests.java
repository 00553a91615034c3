package dev.faultline.health;

import dev.faultline.support.Http;
import dev.faultline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HealthIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void healthAnswersOkWhileTheDatabaseAnswers() {
        var response = Http.get(port, "/_health/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
    }

    @Test
    void internalHealthUsesSentrysShape() {
        var response = Http.get(port, "/api/0/internal/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"healthy\":{},\"problems\":[]}");
    }
}
