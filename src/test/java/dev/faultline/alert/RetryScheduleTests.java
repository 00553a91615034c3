package dev.faultline.alert;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry schedule with the default settings: doubling from 30 s, the last of 8 attempts about an hour in. */
class RetryScheduleTests {

    final AlertDelivery delivery = new AlertDelivery(null, null, null, null, Duration.ofSeconds(30), 8);

    @Test
    void doublesFromTheBase() {
        assertThat(IntStream.rangeClosed(1, 7).mapToObj(delivery::backoff).map(Duration::toSeconds))
                .containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L);
    }

    @Test
    void theLastAttemptIsAboutAnHourAfterTheFirst() {
        Duration total = IntStream.rangeClosed(1, 7).mapToObj(delivery::backoff).reduce(Duration.ZERO, Duration::plus);

        assertThat(total).isBetween(Duration.ofMinutes(55), Duration.ofMinutes(70));
    }
}
