package dev.faultline.ingest;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DsnTests {

    private static final UUID PUBLIC = UUID.fromString("3d2e4a1b-5c6d-4e7f-8091-a2b3c4d5e6f7");
    private static final UUID SECRET = UUID.fromString("0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f");
    private static final String PUBLIC_HEX = "3d2e4a1b5c6d4e7f8091a2b3c4d5e6f7";
    private static final String SECRET_HEX = "0f1e2d3c4b5a496887765a4b3c2d1e0f";

    @Test
    void keysAreThirtyTwoHexadecimalDigits() {
        assertThat(Dsn.keyString(PUBLIC)).isEqualTo(PUBLIC_HEX).hasSize(32);
    }

    @Test
    void withAPort() {
        var dsn = new Dsn(URI.create("http://localhost:8000"), PUBLIC, SECRET, 42);

        assertThat(dsn.publicDsn()).isEqualTo("http://" + PUBLIC_HEX + "@localhost:8000/42");
        assertThat(dsn.secretDsn()).isEqualTo("http://" + PUBLIC_HEX + ":" + SECRET_HEX + "@localhost:8000/42");
    }

    @Test
    void withoutAPort() {
        var dsn = new Dsn(URI.create("https://errors.example.com"), PUBLIC, SECRET, 7);

        assertThat(dsn.publicDsn()).isEqualTo("https://" + PUBLIC_HEX + "@errors.example.com/7");
        assertThat(dsn.secretDsn()).isEqualTo("https://" + PUBLIC_HEX + ":" + SECRET_HEX + "@errors.example.com/7");
    }

    @Test
    void aPathPrefixOfTheBaseUrlComesBeforeTheProjectId() {
        var dsn = new Dsn(URI.create("https://example.com:8443/faultline"), PUBLIC, SECRET, 7);

        assertThat(dsn.publicDsn()).isEqualTo("https://" + PUBLIC_HEX + "@example.com:8443/faultline/7");
        assertThat(dsn.securityEndpoint())
                .isEqualTo("https://example.com:8443/faultline/api/7/security/?sentry_key=" + PUBLIC_HEX);
    }

    @Test
    void endpointsCarryThePublicKeyOnly() {
        var dsn = new Dsn(URI.create("https://errors.example.com"), PUBLIC, SECRET, 7);

        assertThat(dsn.securityEndpoint())
                .isEqualTo("https://errors.example.com/api/7/security/?sentry_key=" + PUBLIC_HEX);
        assertThat(dsn.cspEndpoint()).isEqualTo("https://errors.example.com/api/7/csp-report/?sentry_key=" + PUBLIC_HEX);
        assertThat(dsn.minidumpEndpoint())
                .isEqualTo("https://errors.example.com/api/7/minidump/?sentry_key=" + PUBLIC_HEX);
        assertThat(dsn.cspEndpoint() + dsn.securityEndpoint() + dsn.minidumpEndpoint()).doesNotContain(SECRET_HEX);
    }
}
