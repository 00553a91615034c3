package dev.faultline.config;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** The settings and the database: what every command needs, the server and {@code migrate} alike. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    Settings settings(ConfigurableEnvironment environment) {
        return Settings.parse(SettingsEnvironmentPostProcessor.rawLookup(environment));
    }

    @Bean
    SecretKey secretKey(Settings settings) {
        return SecretKey.resolve(settings);
    }

    @Bean(destroyMethod = "close")
    Database database(Settings settings) {
        return Database.open(settings);
    }

    /** The pool belongs to {@link Database}, which closes it before it stops the embedded server. */
    @Bean(destroyMethod = "")
    DataSource dataSource(Database database) {
        return database.dataSource();
    }
}
