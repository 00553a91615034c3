package dev.faultline.bench;

import java.time.Duration;

/**
 * How long each part of a run takes and how the rate steps: {@code pool} requests pre-generated, {@code idle} before
 * idle memory is read, {@code ceiling} per ceiling, {@code warmup} at the start rate, steps of {@code step} from
 * {@code startRate} multiplied by {@code stepFactor}, the phases (50% twice, once with M3's probes, and 100%) of
 * {@code steady}, {@code reads} per M4 read, and the {@code burst}. Quick mode takes about three minutes, full mode
 * about twenty minutes.
 */
record Plan(int pool, Duration idle, Duration ceiling, Duration warmup, double startRate, double stepFactor,
            Duration step, Duration steady, int reads, Duration burst) {

    static Plan of(String mode) {
        return switch (mode) {
            case "quick" -> new Plan(6_000, Duration.ofSeconds(10), Duration.ofSeconds(8), Duration.ofSeconds(5),
                    50, 1.5, Duration.ofSeconds(8), Duration.ofSeconds(12), 30, Duration.ofSeconds(15));
            case "full" -> new Plan(20_000, Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(20),
                    50, 1.25, Duration.ofSeconds(30), Duration.ofSeconds(60), 200, Duration.ofSeconds(60));
            default -> throw new IllegalArgumentException("mode is quick or full, not " + mode);
        };
    }

    /** The warm-up and the first step at {@code rate}, for a quicker look at rates the default steps reach late. */
    Plan startingAt(double rate, Duration warmup) {
        return new Plan(pool, idle, ceiling, warmup, rate, stepFactor, step, steady, reads, burst);
    }

    /** Longer or shorter 50% and 100% phases, for tails measured over more requests. */
    Plan steadyFor(Duration phase) {
        return new Plan(pool, idle, ceiling, warmup, startRate, stepFactor, step, phase, reads, burst);
    }
}
