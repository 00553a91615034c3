package dev.faultline.alert;

import dev.faultline.support.Browser;
import dev.faultline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Setting up alerts in a real browser: from the project page to a rule with a recipient, and the profile setting. */
@IntegrationTest
class AlertBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void aRuleWithAChatRecipientAndTheProfileSetting() {
        try (var browser = Browser.open(port)) {
            browser.go("/register").type("#name", "Ada Lovelace").type("#email", "ada@example.com")
                    .type("#password", "difference-engine").submit("main button[type=submit]")
                    .type("#name", "Analytical Engines").submit("main button[type=submit]")
                    .type("#name", "mill").submit("main button[type=submit]");
            String project = browser.path();

            browser.submit("main .page-head a[href$='/alerts']");
            assertThat(browser.path()).isEqualTo(project + "/alerts");
            browser.submit("main a[href$='/alerts/new']")
                    .select("#trigger", "An issue gets N events in M minutes").type("#quantity", "0")
                    .submit("main form button[type=submit]");
            assertThat(browser.text("main .field .error")).contains("quantity must be a whole number from 1");
            browser.screenshot("alerts-01-bad-quantity").type("#quantity", "20").type("#environment", "production")
                    .submit("main form button[type=submit]");
            assertThat(browser.text(".notice.ok")).contains("The rule is created");

            browser.select("#recipientType", "Slack or Mattermost").type("#url", "http://10.0.0.5/hook")
                    .submit("#recipients form[action$='/recipients'] button[type=submit]");
            assertThat(browser.text("#recipients .field .error")).contains("FAULTLINE_WEBHOOK_ALLOW_PRIVATE=true");
            browser.type("#url", "https://203.0.113.9/hook")
                    .submit("#recipients form[action$='/recipients'] button[type=submit]");
            assertThat(browser.text("#recipients")).contains("Email to the project's team members",
                    "Slack or Mattermost", "https://203.0.113.9/hook");
            browser.screenshot("alerts-02-rule");

            browser.go(project + "/alerts").screenshot("alerts-03-list");
            assertThat(browser.text("main table")).contains("an issue gets 20 events in 1 minute", "production");

            browser.go("/profile");
            assertThat(browser.find("#alert-default input[name=subscribeByDefault]").isSelected()).isTrue();
            browser.find("#alert-default input[name=subscribeByDefault]").click();
            browser.submit("#alert-default button[type=submit]");
            assertThat(browser.find("#alert-default input[name=subscribeByDefault]").isSelected()).isFalse();
            browser.screenshot("alerts-04-profile").go("/profile/notifications").screenshot("alerts-05-notifications");
            assertThat(browser.text("main table")).contains("mill", "As above (off)");
        }
    }
}
