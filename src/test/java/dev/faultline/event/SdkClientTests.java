package dev.faultline.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.faultline.compression.BodyCompression;
import dev.faultline.support.Eventually;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Issues;
import dev.faultline.support.SdkProcess;
import dev.faultline.support.TestProjects;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import io.sentry.logback.SentryAppender;
import io.sentry.protocol.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real SDKs as clients, end to end: the official Java SDK (with its Logback appender) in this JVM, Debian's Python
 * SDK and the Node SDK from npm as processes. Each sends what an application would; the issues and events that come
 * out are checked.
 */
@IntegrationTest
class SdkClientTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    BodyCompression compression;

    @Autowired
    JdbcClient jdbc;

    TestProjects.TestProject project;

    @BeforeEach
    void aProject() {
        project = new TestProjects(context).create("shop");
    }

    @AfterEach
    void closeTheJavaSdk() {
        Sentry.close();
    }

    @Test
    void theJavaSdk() {
        Sentry.init(options -> {
            options.setDsn(project.dsn(port));
            options.setEnvironment("test");
            options.setRelease("shop@1.0.0");
            options.setServerName("checkout-7");
            options.setTracesSampleRate(1.0);
            options.setEnableUncaughtExceptionHandler(false);
            options.setSendClientReports(false);
        });
        Sentry.setUser(userWithId("java-user-1"));
        Sentry.addBreadcrumb("opened the cart");
        Sentry.captureException(boom(true));
        Sentry.captureException(boom(false));
        Sentry.captureException(new RuntimeException("checkout failed", new IOException("connection reset")));
        Sentry.captureMessage("Payment declined for order 42", SentryLevel.WARNING);
        logThroughLogback();
        ITransaction transaction = Sentry.startTransaction("GET /checkout", "http.server");
        ISpan span = transaction.startChild("db.query", "select cart");
        span.finish();
        transaction.finish();
        Sentry.flush(10_000);

        Eventually.count(() -> Issues.eventCount(jdbc, project.id()), 5);
        var boom = Issues.titled(jdbc, project.id(), "IllegalStateException: boom");
        assertThat(boom.timesSeen()).as("thrown from two lines, one issue").isEqualTo(2);
        assertThat(boom.usersSeen()).isEqualTo(1);
        assertThat(boom.culprit()).contains("SdkClientTests");
        assertThat(boom.level()).isEqualTo(Level.ERROR.code());
        assertThat(Issues.titled(jdbc, project.id(), "RuntimeException: checkout failed").timesSeen()).isEqualTo(1);
        var message = Issues.titled(jdbc, project.id(), "Payment declined for order 42");
        assertThat(message.level()).isEqualTo(Level.WARNING.code());
        assertThat(message.type()).isEqualTo("default");
        Issues.titled(jdbc, project.id(), "IllegalArgumentException: card expired");
        assertThat(Issues.tagsOfEvents(jdbc, project.id()))
                .contains("environment=test", "release=shop@1.0.0", "server_name=checkout-7");
        assertThat(jdbc.sql("SELECT body FROM events WHERE project_id = ?").param(project.id()).query(byte[].class)
                .list()).anySatisfy(body -> assertThat(new String(compression.decompress(body), StandardCharsets.UTF_8))
                .contains("opened the cart"));
        Eventually.count(() -> jdbc.sql("SELECT count(*) FROM transactions WHERE project_id = ? AND name = ?")
                .params(project.id(), "GET /checkout").query(Integer.class).single(), 1);
        assertThat(jdbc.sql("SELECT op FROM transactions WHERE project_id = ?").param(project.id()).query(String.class)
                .single()).isEqualTo("http.server");
    }

    @Test
    void pythonsSdkPostingToStore() {
        SdkProcess.python("send_events.py", project.dsn(port));

        Eventually.count(() -> Issues.eventCount(jdbc, project.id()), 4);
        Issues.titled(jdbc, project.id(), "ZeroDivisionError: division by zero");
        assertThat(Issues.of(jdbc, project.id())).filteredOn(issue -> issue.title().matches("user \\d failed"))
                .singleElement().satisfies(issue -> assertThat(issue.timesSeen()).isEqualTo(2));
        assertThat(Issues.titled(jdbc, project.id(), "Payment order-42 was declined").type()).isEqualTo("default");
        assertThat(Issues.tagsOfEvents(jdbc, project.id())).contains("environment=test", "release=shop@3.0.0",
                "checkout=python");
        Eventually.count(() -> jdbc.sql("SELECT count(*) FROM transactions WHERE project_id = ? AND name = ?")
                .params(project.id(), "nightly-job").query(Integer.class).single(), 1);
    }

    @Test
    void theNodeSdkWithQueryStringAuthAndChunkedBodies() {
        SdkProcess.node("send-events.js", project.dsn(port));

        Eventually.count(() -> Issues.eventCount(jdbc, project.id()), 2);
        assertThat(Issues.of(jdbc, project.id())).extracting(Issues.Row::title)
                .anyMatch(title -> title.startsWith("SyntaxError: "));
        // The SDK sends the message with a synthetic exception for its stack; Sentry then titles it by the function.
        assertThat(jdbc.sql("SELECT title FROM issues WHERE project_id = ? AND metadata->>'value' = ?")
                .params(project.id(), "hello from node").query(String.class).single()).isEqualTo("main");
        assertThat(Issues.tagsOfEvents(jdbc, project.id())).contains("checkout=node", "release=shop@2.0.0");
        Eventually.await(() -> jdbc.sql("SELECT count(*) FROM transactions WHERE project_id = ? AND name = ?")
                .params(project.id(), "GET /checkout").query(Integer.class).single(), n -> n == 1, Duration.ofSeconds(10));
    }

    private static void logThroughLogback() {
        LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
        var appender = new SentryAppender();
        appender.setContext(loggers);
        appender.setMinimumEventLevel(ch.qos.logback.classic.Level.ERROR);
        appender.start();
        Logger logger = loggers.getLogger("shop.payments");
        logger.addAppender(appender);
        logger.setAdditive(false);
        try {
            logger.error("Payment {} was declined", "order-42", new IllegalArgumentException("card expired"));
        }
        finally {
            logger.detachAppender(appender);
            appender.stop();
        }
    }

    private static User userWithId(String id) {
        var user = new User();
        user.setId(id);
        return user;
    }

    /** The same exception from two different lines of one method. */
    private static IllegalStateException boom(boolean first) {
        if (first) {
            return new IllegalStateException("boom");
        }
        return new IllegalStateException("boom");
    }
}
