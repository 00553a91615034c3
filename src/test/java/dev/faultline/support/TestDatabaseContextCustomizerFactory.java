package dev.faultline.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context a fresh database in the shared {@link TestDatabase}, passed the way an operator
 * would: as DATABASE_URL with a SECRET_KEY. A test that sets DATABASE_URL or FAULTLINE_DATA_DIR itself is left alone.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    static final String TEST_SECRET_KEY = "test-secret-key-of-the-faultline-suite";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new DatabaseCustomizer();
    }

    /** All equal, so contexts stay cached by their other configuration. */
    private record DatabaseCustomizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            boolean ownDatabase = Arrays.stream(merged.getPropertySourceProperties())
                    .anyMatch(p -> p.startsWith("DATABASE_URL") || p.startsWith("FAULTLINE_DATA_DIR"));
            if (!ownDatabase) {
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase",
                        Map.of("DATABASE_URL", TestDatabase.createDatabase(), "SECRET_KEY", TEST_SECRET_KEY)));
            }
        }
    }
}
