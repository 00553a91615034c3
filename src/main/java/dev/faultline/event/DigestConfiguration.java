package dev.faultline.event;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The digest's stateless steps, one instance each, shared by the workers. */
@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

    @Bean
    Normalizer normalizer() {
        return new Normalizer();
    }

    @Bean
    Grouper grouper() {
        return new Grouper();
    }
}
