package dev.faultline.project;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A project in the API, in GlitchTip's and Sentry's shape.
 *
 * @param organization present where projects of several organizations are listed
 */
public record ProjectJson(String id, String slug, String name, String platform, Instant dateCreated, boolean isMember,
        boolean hasAccess, boolean isBookmarked, List<String> features, String status, Instant firstEvent,
        boolean dataScrubber, boolean scrubIPAddresses, List<TeamRef> teams, Map<String, String> organization) {

    public record TeamRef(String id, String slug, String name) {
    }

    static ProjectJson of(Project project, List<TeamRef> teams, Map<String, String> organization) {
        return new ProjectJson(String.valueOf(project.id()), project.slug(), project.name(), project.platform(),
                project.createdAt(), true, true, false, List.of(), "active", project.firstEventAt(), project.scrubData(),
                project.scrubIpAddresses(), teams, organization);
    }
}
