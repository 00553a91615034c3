package dev.faultline.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.faultline.Faultline;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The whole application started the way {@code java -jar faultline.jar} starts it, for tests that control its
 * settings or its life: restarts, external databases, shutdown. Settings are given as {@code NAME=value} pairs and
 * take precedence over the test JVM's own environment.
 */
public final class TestApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private TestApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static TestApplication start(String... settings) {
        return start(context -> { }, settings);
    }

    /** Starts with extra beans registered by {@code beans}, for tests that need a route of their own. */
    public static TestApplication start(Consumer<GenericApplicationContext> beans, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        var context = new SpringApplicationBuilder(Faultline.class)
                .initializers(applicationContext -> beans.accept((GenericApplicationContext) applicationContext))
                .run(arguments.toArray(String[]::new));
        return new TestApplication(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean isRunning() {
        return context.isActive();
    }

    /** What SIGTERM does: the shutdown hook closes the context. */
    @Override
    public void close() {
        context.close();
    }
}
