package dev.faultline.issue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * An issue in the API, in Sentry's shape (which GitLab and Grafana read). The detail fields are present only where
 * one issue is asked for.
 *
 * @param count     events in the list's time range (all events without one), as a string as Sentry sends it
 * @param stats     the trend by period name ({@code 24h}, {@code 14d}): {@code [unix seconds, events]} per bucket
 * @param lifetime  the counts over the issue's whole life
 */
record IssueJson(String id, String shortId, String title, String culprit, String permalink, String logger,
        String level, String status, Map<String, Object> statusDetails, String substatus, boolean isPublic,
        String platform, ProjectRef project, String type, JsonNode metadata, long numComments, AssigneeJson assignedTo,
        boolean isBookmarked, boolean isSubscribed, boolean hasSeen, List<Object> annotations, String count,
        long userCount, Instant firstSeen, Instant lastSeen, Map<String, List<long[]>> stats, Lifetime lifetime,
        @JsonInclude(JsonInclude.Include.NON_NULL) ReleaseRef firstRelease,
        @JsonInclude(JsonInclude.Include.NON_NULL) ReleaseRef lastRelease,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TagKeyJson> tags,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long userReportCount) {

    record ProjectRef(String id, String name, String slug, String platform) {
    }

    /** Whom the issue is assigned to: always a user here, as Faultline has no team assignment. */
    record AssigneeJson(String type, String id, String name, String email) {
    }

    record Lifetime(String count, long userCount, Instant firstSeen, Instant lastSeen) {
    }

    /**
     * A release named on an issue; {@code shortVersion} is what people read: the version after a package's
     * {@code @}, a commit hash cut to 12 characters.
     */
    record ReleaseRef(String version, String shortVersion) {

        static ReleaseRef of(String version) {
            if (version == null) {
                return null;
            }
            String shortVersion = version.substring(version.lastIndexOf('@') + 1);
            if (shortVersion.matches("[0-9a-f]{40}")) {
                shortVersion = shortVersion.substring(0, 12);
            }
            return new ReleaseRef(version, shortVersion);
        }
    }

    /** A tag key of the issue with how many values it has and its most seen ones. */
    record TagKeyJson(String key, String name, long totalValues, long uniqueValues, List<TagValueJson> topValues) {
    }

    record TagValueJson(String key, String name, String value, long count, Instant firstSeen, Instant lastSeen) {

        static TagValueJson of(TagValue value) {
            return new TagValueJson(value.key(), value.value(), value.value(), value.timesSeen(), value.firstSeen(),
                    value.lastSeen());
        }
    }
}
