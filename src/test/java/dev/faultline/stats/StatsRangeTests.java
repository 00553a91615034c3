package dev.faultline.stats;

import java.time.Duration;
import java.time.Instant;

import dev.faultline.api.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The buckets of a stats query: aligned to the interval, from a period or from start and end in their forms. */
class StatsRangeTests {

    static final Instant NOW = Instant.parse("2026-03-10T14:25:07Z");

    @Test
    void aPeriodEndsNowAndIsWidenedToWholeIntervals() {
        StatsRange range = parse("statsPeriod=24h&interval=6h");

        assertThat(range.start()).isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
        assertThat(range.end()).isEqualTo(Instant.parse("2026-03-10T18:00:00Z"));
        assertThat(range.intervals()).hasSize(5).first().isEqualTo(range.start());
    }

    @Test
    void startAndEndWithoutAZoneAreUtcAndWithOneAreConverted() {
        StatsRange range = parse("start=2026-03-01T00:30:00&end=2026-03-01T04:00:00%2B02:00&interval=1h");

        assertThat(range.start()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(range.end()).isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
        assertThat(range.index(Instant.parse("2026-03-01T01:00:00Z"))).isEqualTo(1);
    }

    @Test
    void dailyBucketsStartAtMidnightUtc() {
        StatsRange range = parse("start=2026-03-01&end=2026-03-03T10:00:00.500Z&interval=1d");

        assertThat(range.intervals()).containsExactly(Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"));
    }

    @Test
    void anIntervalBelowAnHourGivesHourlyBucketsAndTheDefaultIsAnHour() {
        assertThat(parse("statsPeriod=6h&interval=15m").step()).isEqualTo(Duration.ofHours(1));
        assertThat(parse("statsPeriod=6h").step()).isEqualTo(Duration.ofHours(1));
        assertThat(parse("statsPeriod=6h&interval=2h").step()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aStartInTheFutureIsNow() {
        StatsRange range = parse("start=2026-03-10T20:00:00&end=2026-03-11T00:00:00");

        assertThat(range.start()).isEqualTo(Instant.parse("2026-03-10T14:00:00Z"));
    }

    @Test
    void exactlyTheMostBucketsIsAllowedAndAnUnalignedRangeCountsItsPartialBuckets() {
        assertThatThrownBy(() -> parse("statsPeriod=1000h&interval=1h")).isInstanceOf(Problem.class)
                .hasMessageStartingWith("Your interval and date range would create too many results.");
        assertThat(parse("start=2026-01-01T00:00:00Z&end=2026-02-11T16:00:00Z&interval=1h").buckets())
                .isEqualTo(StatsRange.MAX_BUCKETS);
    }

    private static StatsRange parse(String query) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            params.add(parts[0], parts[1].replace("%2B", "+"));
        }
        return StatsRange.parse(params, NOW);
    }
}
