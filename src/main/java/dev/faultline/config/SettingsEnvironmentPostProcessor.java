package dev.faultline.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the settings that Spring needs before the context exists (the port, the log format) into Spring properties.
 * They go last, so a Spring property set explicitly (as tests do) still wins.
 */
class SettingsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Settings settings = Settings.parse(rawLookup(environment));
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", settings.port());
        if (settings.logFormat() == Settings.LogFormat.JSON) {
            properties.put("logging.structured.format.console", "ecs");
        }
        environment.getPropertySources().addLast(new MapPropertySource("faultlineSettings", properties));
    }

    /**
     * Reads a variable as given, without Spring's placeholder resolution: a secret may well contain "${".
     */
    static Function<String, String> rawLookup(ConfigurableEnvironment environment) {
        return name -> environment.getPropertySources().stream()
                .map(source -> source.getProperty(name))
                .filter(Objects::nonNull)
                .map(Object::toString)
                .findFirst()
                .orElse(null);
    }
}
