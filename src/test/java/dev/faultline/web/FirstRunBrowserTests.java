package dev.faultline.web;

import dev.faultline.support.Browser;
import dev.faultline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The first-run path in a real browser: from an empty server to a DSN, without reading any documentation. */
@IntegrationTest
class FirstRunBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void registerCreateAnOrganizationAndAProjectThenSeeTheDsn() {
        try (var browser = Browser.open(port)) {
            browser.go("/");
            assertThat(browser.path()).isEqualTo("/register");
            browser.screenshot("01-register")
                    .type("#name", "Ada Lovelace").type("#email", "ada@example.com").type("#password", "difference-engine")
                    .submit("main button[type=submit]");

            assertThat(browser.path()).isEqualTo("/organizations/new");
            browser.screenshot("02-new-organization").type("#name", "Analytical Engines").submit("main button[type=submit]");

            assertThat(browser.path()).isEqualTo("/analytical-engines/settings/projects/new");
            browser.screenshot("03-new-project").type("#name", "Mill").select("#platform", "Node.js")
                    .submit("main button[type=submit]");

            assertThat(browser.path()).isEqualTo("/analytical-engines/settings/projects/mill");
            String dsn = browser.text("[data-testid=dsn]");
            assertThat(dsn).matches("http://[0-9a-f]{32}@localhost:\\d+/\\d+");
            assertThat(browser.text("#snippet-code")).contains("@sentry/node", dsn);
            browser.screenshot("04-project-dsn");

            browser.go("/analytical-engines/issues").screenshot("05-issues-empty");
            assertThat(browser.text("main")).contains("No issues yet", dsn);
        }
    }

    @Test
    void anOwnerInvitesMakesATeamAndATokenFromTheSettings() {
        try (var browser = Browser.open(port)) {
            browser.go("/register").type("#email", "grace@example.com").type("#password", "compiler-first")
                    .submit("main button[type=submit]")
                    .type("#name", "Navy").submit("main button[type=submit]")
                    .type("#name", "cobol").submit("main button[type=submit]");

            browser.go("/navy/settings/teams").type("#name", "Backend").submit("main button[type=submit]");
            assertThat(browser.path()).isEqualTo("/navy/settings/teams/backend");
            assertThat(browser.text("main")).contains("grace@example.com", "Leave team");
            browser.screenshot("06-team");

            browser.go("/navy/settings/members").type("#emails", "ada@example.com, linus@example.com")
                    .submit("main form[action$='/invite'] button[type=submit]");
            assertThat(browser.text("[data-testid=invited]")).contains("ada@example.com", "linus@example.com",
                    "/accept/");
            browser.screenshot("07-members-invited");

            browser.go("/profile/auth-tokens").type("#label", "sentry-cli")
                    .find("input[value='project:releases']").click();
            browser.find("input[value='org:read']").click();
            browser.submit("main form[action$='/auth-tokens'] button[type=submit]");
            assertThat(browser.text("#new-token-value")).matches("[0-9a-f]{64}");
            assertThat(browser.text("main")).contains("sentry-cli", "project:releases", "org:read");
            browser.screenshot("08-token-created");

            browser.go("/profile").screenshot("09-profile");
            browser.go("/navy/settings").screenshot("10-organization-settings");
        }
    }
}
