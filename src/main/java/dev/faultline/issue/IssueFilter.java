package dev.faultline.issue;

import java.time.Instant;
import java.util.List;

/**
 * Which issues a list shows: of these projects (already checked readable), matching the search, seen in these
 * environments and in the time range (null ends are open).
 */
record IssueFilter(List<Long> projectIds, SqlCondition search, List<String> environments, Instant start,
        Instant end) {

    /** A boolean SQL expression over the issue {@code i}, with its {@code ?} parameters in order. */
    record SqlCondition(String sql, List<Object> params) {

        static final SqlCondition NONE = new SqlCondition("true", List.of());
    }
}
