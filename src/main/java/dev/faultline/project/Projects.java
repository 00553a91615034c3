package dev.faultline.project;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.faultline.account.Caller;
import dev.faultline.account.Scope;
import dev.faultline.api.Problem;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organizations;
import dev.faultline.organization.Slugs;
import dev.faultline.team.Team;
import dev.faultline.team.TeamProjects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Projects of an organization and the teams they are attached to. A new project gets one DSN key. */
@Service
public class Projects implements TeamProjects {

    /** A project's settings that apply while its events are digested. */
    public record DigestSettings(boolean scrubData, boolean scrubIpAddresses, boolean hadEvents) {
    }

    private final ProjectRepository projects;
    private final ProjectKeyRepository keys;
    private final Organizations organizations;
    private final ProjectKeys projectKeys;

    Projects(ProjectRepository projects, ProjectKeyRepository keys, Organizations organizations,
            ProjectKeys projectKeys) {
        this.projects = projects;
        this.keys = keys;
        this.organizations = organizations;
        this.projectKeys = projectKeys;
    }

    public List<Project> list(Membership membership) {
        membership.require(Scope.PROJECT_READ);
        return projects.list(membership.organizationId());
    }

    /** Every project the caller can read, across their organizations. */
    public List<Project> listForCaller(Caller caller) {
        if (!caller.tokenPermits(Scope.PROJECT_READ)) {
            throw Problem.forbidden();
        }
        List<Long> organizationIds = organizations.memberships(caller).stream()
                .filter(membership -> membership.can(Scope.PROJECT_READ)).map(Membership::organizationId).toList();
        return organizationIds.isEmpty() ? List.of() : projects.listOfOrganizations(organizationIds);
    }

    public List<Project> listOfTeam(Membership membership, Team team) {
        membership.require(Scope.PROJECT_READ);
        return projects.listOfTeam(membership.organizationId(), team.id());
    }

    public Project find(Membership membership, String slug) {
        membership.require(Scope.PROJECT_READ);
        return projects.find(membership.organizationId(), slug).orElseThrow(Problem::notFound);
    }

    /** The teams of each project, by project id. */
    public Map<Long, List<Long>> teamIds(List<Project> of) {
        if (of.isEmpty()) {
            return Map.of();
        }
        return projects.teamsOf(of.stream().map(Project::id).toList()).stream()
                .collect(Collectors.groupingBy(ProjectRepository.ProjectTeam::projectId,
                        Collectors.mapping(ProjectRepository.ProjectTeam::teamId, Collectors.toList())));
    }

    /**
     * Creates a project, attached to {@code team} when one is given, with a first DSN key. A slug not given comes
     * from the name and is made unique; a slug given that is taken is a 409.
     */
    @Transactional
    public Project create(Membership membership, Team team, String name, String slug, String platform) {
        membership.require(Scope.PROJECT_WRITE);
        String checkedName = checkName(name);
        long organizationId = membership.organizationId();
        String checkedSlug = slug == null || slug.isBlank()
                ? Slugs.unique(Slugs.fromName(checkedName, "project"), s -> projects.slugTaken(organizationId, s))
                : Slugs.check(slug.strip());
        Project project;
        try {
            project = projects.insert(organizationId, checkedSlug, checkedName, checkPlatform(platform));
        }
        catch (DuplicateKeyException e) {
            throw slugTaken(checkedSlug);
        }
        keys.insert(project.id(), "Default", null, null);
        if (team != null) {
            projects.addTeam(project.id(), team.id());
        }
        return project;
    }

    @Transactional
    public Project update(Membership membership, Project project, String name, String slug, String platform) {
        membership.require(Scope.PROJECT_WRITE);
        String checkedName = name == null ? project.name() : checkName(name);
        String checkedSlug = slug == null || slug.isBlank() ? project.slug() : Slugs.check(slug.strip());
        String checkedPlatform = platform == null ? project.platform() : checkPlatform(platform);
        try {
            return projects.update(project.id(), checkedSlug, checkedName, checkedPlatform);
        }
        catch (DuplicateKeyException e) {
            throw slugTaken(checkedSlug);
        }
    }

    /** Turns data scrubbing and the removal of IP addresses on or off; null leaves a setting as it is. */
    public Project updateDataSettings(Membership membership, Project project, Boolean scrubData,
            Boolean scrubIpAddresses) {
        membership.require(Scope.PROJECT_WRITE);
        return projects.updateDataSettings(project.id(), scrubData == null ? project.scrubData() : scrubData,
                scrubIpAddresses == null ? project.scrubIpAddresses() : scrubIpAddresses);
    }

    /** Deletes the project with its keys, issues and events. */
    public void delete(Membership membership, Project project) {
        membership.require(Scope.PROJECT_ADMIN);
        List<UUID> publicKeys = projectKeys.publicKeys(project);
        projects.delete(project.id());
        projectKeys.projectDeleted(publicKeys);
    }

    public void addTeam(Membership membership, Project project, Team team) {
        membership.require(Scope.PROJECT_WRITE);
        projects.addTeam(project.id(), team.id());
    }

    public void removeTeam(Membership membership, Project project, Team team) {
        membership.require(Scope.PROJECT_WRITE);
        if (!projects.removeTeam(project.id(), team.id())) {
            throw Problem.notFound();
        }
    }

    /** For digest: the settings of these projects; a project deleted meanwhile is missing from the map. */
    public Map<Long, DigestSettings> digestSettings(Collection<Long> projectIds) {
        return projectIds.isEmpty() ? Map.of() : projects.digestSettings(projectIds);
    }

    /** For digest, inside its transaction: serializes the creation of issues in the project. */
    public void lockForNewIssues(long projectId) {
        projects.lock(projectId);
    }

    /** For digest, inside its transaction: reserves {@code count} short ids (PROJECT-1 ...); returns the last one. */
    public long allocateShortIds(long projectId, int count) {
        return projects.allocateShortIds(projectId, count);
    }

    /** For digest: remembers when each project received its first event. */
    public void markFirstEvent(Collection<Long> projectIds) {
        if (!projectIds.isEmpty()) {
            projects.markFirstEvent(projectIds);
        }
    }

    @Override
    public List<ProjectRef> projectsOfTeam(long organizationId, long teamId) {
        return projects.listOfTeam(organizationId, teamId).stream()
                .map(project -> new ProjectRef(project.id(), project.slug(), project.name())).toList();
    }

    private static String checkPlatform(String platform) {
        if (platform == null || platform.isBlank()) {
            return null;
        }
        return Platforms.find(platform.strip()).map(Platforms.Platform::id)
                .orElseThrow(() -> Problem.badRequest("platform", "'" + platform + "' is not a platform Faultline knows; "
                        + "use one of " + Platforms.all().stream().map(Platforms.Platform::id)
                        .collect(Collectors.joining(", "))));
    }

    private static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 64) {
            throw Problem.badRequest("name", "A project needs a name of 1 to 64 characters");
        }
        return stripped;
    }

    private static Problem slugTaken(String slug) {
        return Problem.conflict("slug", "A project with the slug '" + slug + "' already exists in this organization");
    }
}
