package dev.faultline.issue;

import dev.faultline.support.Browser;
import dev.faultline.support.Events;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.TestProjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a Java stack trace on the issue page in a real browser, and resolving the issue. */
@IntegrationTest
class IssuePageBrowserTests {

    /** An event as the Java SDK sends one: a cause chain, in-app and framework frames, breadcrumbs and contexts. */
    private static final String JAVA_EVENT = """
            {"platform":"java","level":"error","environment":"production","release":"shop@2.4.1",
             "tags":{"region":"eu-west","customer tier":"gold"},
             "user":{"id":"42","email":"ann@example.com"},
             "contexts":{"runtime":{"name":"OpenJDK","version":"21.0.3"},"os":{"name":"Linux","version":"6.1"}},
             "request":{"method":"POST","url":"https://shop.example.com/checkout","headers":{"Accept":"text/html"}},
             "breadcrumbs":{"values":[
               {"timestamp":1767261600,"category":"http","message":"GET /cart","level":"info"},
               {"timestamp":1767261601,"category":"sql","message":"select * from orders where id = ?"}]},
             "exception":{"values":[
              {"type":"SQLException","module":"java.sql","value":"connection refused",
               "stacktrace":{"frames":[
                {"module":"com.zaxxer.hikari.pool.HikariPool","function":"getConnection","filename":"HikariPool.java",
                 "lineno":181,"in_app":false},
                {"module":"com.shop.orders.OrderRepository","function":"find","filename":"OrderRepository.java",
                 "lineno":88,"in_app":true}]}},
              {"type":"IllegalStateException","module":"java.lang","value":"Order 17 cannot be checked out",
               "mechanism":{"type":"UncaughtExceptionHandler","handled":false},
               "stacktrace":{"frames":[
                {"module":"java.lang.Thread","function":"run","filename":"Thread.java","lineno":1583,"in_app":false},
                {"module":"org.springframework.web.servlet.DispatcherServlet","function":"doDispatch",
                 "filename":"DispatcherServlet.java","lineno":1089,"in_app":false},
                {"module":"com.shop.checkout.CheckoutController","function":"checkout",
                 "filename":"CheckoutController.java","lineno":42,"in_app":true,
                 "pre_context":["    Order order = orders.find(id);","    if (order.isLocked()) {"],
                 "context_line":"        throw new IllegalStateException(\\"Order \\" + id + \\" cannot be checked out\\");",
                 "post_context":["    }"],"vars":{"id":"17","this":"CheckoutController@1a2b"}}]}}]}}
            """.replace("\n", "");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void readTheStackTraceSwitchToRawAndResolve() {
        TestProjects.TestProject shop = new TestProjects(context).create("shop");
        Events events = new Events(port, shop, jdbc);
        events.send(JAVA_EVENT);
        long issueId = events.await(1).getFirst().id();
        String page = "/" + shop.membership().organization().slug() + "/issues/" + issueId;

        try (var browser = Browser.open(port)) {
            browser.go("/login").type("#email", shop.owner().email()).type("#password", "owner-password")
                    .submit("main button[type=submit]");
            browser.go(page).screenshot("issue-01-details");

            assertThat(browser.text("[data-testid=issue-title]")).contains("IllegalStateException");
            String trace = browser.text("[data-testid=stacktrace]");
            assertThat(trace).contains("CheckoutController.java", "checkout", "cannot be checked out",
                    "OrderRepository.java", "id", "17").doesNotContain("DispatcherServlet.java");
            assertThat(browser.text("[data-testid=sidebar]")).contains("region", "eu-west", "100%");

            browser.submit("[data-testid=raw-toggle]").screenshot("issue-02-raw");
            assertThat(browser.text("[data-testid=raw-trace]")).contains(
                    "java.lang.IllegalStateException: Order 17 cannot be checked out",
                    "at com.shop.checkout.CheckoutController.checkout(CheckoutController.java:42)",
                    "Caused by: java.sql.SQLException: connection refused");

            browser.submit("[data-testid=resolve]").screenshot("issue-03-resolved");
            assertThat(browser.text("[data-testid=notice]")).isEqualTo("The issue is resolved.");
            assertThat(browser.text("[data-testid=status]")).isEqualTo("resolved");

            browser.go(page + "/activity").screenshot("issue-04-activity");
            assertThat(browser.text("[data-testid=activity]")).contains("resolved this");
        }
    }
}
