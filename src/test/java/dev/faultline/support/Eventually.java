package dev.faultline.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Waits for what digest does in the background: polls until the value is as expected, or fails with the last. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(Supplier<T> value, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = value.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = value.get();
        }
        assertThat(done.test(last)).as("still not there after %s: %s", timeout, last).isTrue();
        return last;
    }

    /** Waits until the count reaches at least {@code expected}, within ten seconds. */
    public static int count(Supplier<Integer> count, int expected) {
        return await(count, n -> n >= expected, Duration.ofSeconds(10));
    }
}
