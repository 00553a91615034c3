package dev.faultline.project;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.faultline.account.Scope;
import dev.faultline.api.Problem;
import dev.faultline.config.Settings;
import dev.faultline.ingest.Dsn;
import dev.faultline.ingest.IngestKeys;
import dev.faultline.organization.Membership;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A project's DSN keys: created, renamed, disabled, rate-limited and deleted; and looked up by ingest, which is told
 * of every change.
 */
@Service
public class ProjectKeys implements IngestKeys {

    /** A rate limit of {@code count} events per {@code windowSeconds}; both null means none. */
    public record RateLimit(Integer count, Integer windowSeconds) {

        public static final RateLimit NONE = new RateLimit(null, null);

        public RateLimit {
            if ((count == null) != (windowSeconds == null)) {
                throw Problem.badRequest("rateLimit", "A rate limit needs both a count and a window");
            }
            if (count != null && (count <= 0 || windowSeconds <= 0 || windowSeconds > 86_400)) {
                throw Problem.badRequest("rateLimit", "A rate limit's count must be positive and its window from 1 "
                        + "to 86400 seconds");
            }
        }
    }

    private final ProjectKeyRepository keys;
    private final Settings settings;
    private final ApplicationEventPublisher events;

    ProjectKeys(ProjectKeyRepository keys, Settings settings, ApplicationEventPublisher events) {
        this.keys = keys;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public Optional<IngestKey> find(UUID publicKey) {
        return keys.findForIngest(publicKey);
    }

    /** Tells ingest that the project's keys are gone with it. */
    void projectDeleted(List<UUID> publicKeys) {
        publicKeys.forEach(key -> events.publishEvent(new Changed(key)));
    }

    List<UUID> publicKeys(Project project) {
        return keys.publicKeys(project.id());
    }

    public List<ProjectKey> list(Membership membership, Project project) {
        membership.require(Scope.PROJECT_READ);
        return keys.list(project.id());
    }

    /** A key by its public key, as Sentry's API names keys. */
    public ProjectKey find(Membership membership, Project project, String publicKey) {
        membership.require(Scope.PROJECT_READ);
        return keys.find(project.id(), parse(publicKey)).orElseThrow(Problem::notFound);
    }

    public ProjectKey create(Membership membership, Project project, String label, RateLimit rateLimit) {
        membership.require(Scope.PROJECT_WRITE);
        RateLimit limit = rateLimit == null ? RateLimit.NONE : rateLimit;
        ProjectKey created = keys.insert(project.id(), checkLabel(label == null || label.isBlank() ? "Default" : label),
                limit.count(), limit.windowSeconds());
        events.publishEvent(new Changed(created.publicKey()));
        return created;
    }

    /** Changes what is given (null leaves it as it is). */
    public ProjectKey update(Membership membership, ProjectKey key, String label, Boolean active, RateLimit rateLimit) {
        membership.require(Scope.PROJECT_WRITE);
        RateLimit limit = rateLimit == null ? new RateLimit(key.rateLimitCount(), key.rateLimitWindowSeconds()) : rateLimit;
        ProjectKey updated = keys.update(key.id(), label == null ? key.label() : checkLabel(label),
                active == null ? key.active() : active, limit.count(), limit.windowSeconds());
        events.publishEvent(new Changed(key.publicKey()));
        return updated;
    }

    public void delete(Membership membership, ProjectKey key) {
        membership.require(Scope.PROJECT_ADMIN);
        keys.delete(key.id());
        events.publishEvent(new Changed(key.publicKey()));
    }

    public Dsn dsn(ProjectKey key) {
        return new Dsn(settings.baseUrl(), key.publicKey(), key.secretKey(), key.projectId());
    }

    private static UUID parse(String publicKey) {
        try {
            String hex = publicKey.replace("-", "");
            if (hex.length() != 32) {
                throw Problem.notFound();
            }
            return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        }
        catch (IllegalArgumentException e) {
            throw Problem.notFound();
        }
    }

    private static String checkLabel(String label) {
        String stripped = label.strip();
        if (stripped.isEmpty() || stripped.length() > 64) {
            throw Problem.badRequest("name", "A key needs a name of 1 to 64 characters");
        }
        return stripped;
    }
}
