package dev.faultline.ingest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /** Before every other filter: ingest requests never reach Spring Security or Spring MVC. */
    @Bean
    FilterRegistrationBean<IngestFilter> ingestFilter(IngestRequests requests, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new IngestFilter(requests, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
