package dev.faultline.stats;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code project_hourly_counts} summed into the buckets of a stats query. */
@Repository
class StatsRepository {

    /** One project's count of one kind in the bucket that starts at {@code bucket}. */
    record BucketCount(long projectId, int kind, Instant bucket, long count) {
    }

    private final JdbcClient jdbc;

    StatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Buckets are aligned to the epoch, as Sentry's are; every interval divides a day, so to days in UTC too. */
    List<BucketCount> counts(Collection<Long> projectIds, Set<Integer> kinds, StatsRange range) {
        if (projectIds.isEmpty() || kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT project_id, kind,
                               date_bin(make_interval(secs => ?), hour, timestamptz '1970-01-01 00:00:00+00') AS bucket,
                               sum(count) AS count
                        FROM project_hourly_counts
                        WHERE project_id = ANY (?) AND kind = ANY (?) AND hour >= ? AND hour < ?
                        GROUP BY project_id, kind, bucket""")
                .params(range.step().toSeconds(), projectIds.toArray(Long[]::new), kinds.toArray(Integer[]::new),
                        utc(range.start()), utc(range.end()))
                .query((rs, row) -> new BucketCount(rs.getLong("project_id"), rs.getInt("kind"),
                        rs.getTimestamp("bucket").toInstant(), rs.getLong("count")))
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
