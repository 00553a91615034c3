package dev.faultline.team;

import java.util.List;

/** What a team's page shows of projects, provided by the project feature, which depends on this one. */
public interface TeamProjects {

    record ProjectRef(long id, String slug, String name) {
    }

    List<ProjectRef> projectsOfTeam(long organizationId, long teamId);
}
