package dev.faultline.api;

import dev.faultline.config.BuildInfo;
import dev.faultline.support.Http;
import dev.faultline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApiRootIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void apiRootAnswersAnonymousCallersWithTheVersionAndNoUser() {
        var response = Http.get(port, "/api/0/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        var body = JsonMapper.shared().readTree(response.body());
        assertThat(body.get("version").asString()).isEqualTo("0");
        assertThat(body.get("faultlineVersion").asString()).isEqualTo(BuildInfo.version());
        assertThat(body.has("user")).isTrue();
        assertThat(body.get("user").isNull()).isTrue();
        assertThat(body.get("auth").isNull()).isTrue();
    }
}
