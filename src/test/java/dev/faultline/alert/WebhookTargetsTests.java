package dev.faultline.alert;

import java.net.InetAddress;
import java.net.URI;

import dev.faultline.config.Settings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses alert webhooks may not reach, and the lookup before every request. */
class WebhookTargetsTests {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
            "0.0.0.0", "100.64.1.1", "224.0.0.1", "::1", "::", "fe80::1", "fd12:3456::1", "fc00::1", "::ffff:10.0.0.1"})
    void internalAddressesAreRefused(String address) throws Exception {
        assertThat(WebhookTargets.isInternal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.10", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2001:db8::1", "2606:4700::1"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(WebhookTargets.isInternal(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9000/hook", "http://127.0.0.1/hook", "https://[::1]/x"})
    void aRequestToAnInternalAddressIsRefusedUnlessAllowed(String url) {
        var strict = new WebhookTargets(settings("false"));
        var allowing = new WebhookTargets(settings("true"));

        assertThat(strict.refusal(URI.create(url))).contains("FAULTLINE_WEBHOOK_ALLOW_PRIVATE=true");
        assertThat(allowing.refusal(URI.create(url))).isNull();
    }

    private static Settings settings(String allowPrivate) {
        return Settings.parse(name -> name.equals("FAULTLINE_WEBHOOK_ALLOW_PRIVATE") ? allowPrivate : null);
    }
}
