package dev.faultline.alert;

import dev.faultline.work.Wakeup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    /** Wakes this instance's evaluator when its digest has committed triggers; other instances' are polled. */
    @Bean
    Wakeup alertEvaluation() {
        return new Wakeup();
    }
}
