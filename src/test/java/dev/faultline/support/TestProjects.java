package dev.faultline.support;

import dev.faultline.account.AccountService;
import dev.faultline.account.Caller;
import dev.faultline.account.User;
import dev.faultline.organization.Membership;
import dev.faultline.organization.Organizations;
import dev.faultline.project.Project;
import dev.faultline.project.ProjectKey;
import dev.faultline.project.ProjectKeys;
import dev.faultline.project.Projects;
import org.springframework.context.ApplicationContext;

/** An owner, an organization and a project with its DSN key, made through the services in one call. */
public record TestProjects(ApplicationContext context) {

    /** A project and what SDKs and tests need of it. */
    public record TestProject(Project project, ProjectKey key, Membership membership, User owner) {

        public long id() {
            return project.id();
        }

        public String publicKey() {
            return key.publicKeyString();
        }

        /** The DSN an SDK would be given, for a server on this port. */
        public String dsn(int port) {
            return "http://" + publicKey() + "@localhost:" + port + "/" + id();
        }
    }

    public TestProject create(String slug) {
        var accounts = context.getBean(AccountService.class);
        User owner = accounts.userByEmail(slug + "@owner.test")
                .orElseGet(() -> accounts.register(slug + "@owner.test", "Owner", "owner-password", true));
        Membership organization = context.getBean(Organizations.class)
                .create(Caller.signedIn(owner.id(), true), "Org " + slug, "org-" + slug);
        Project project = context.getBean(Projects.class).create(organization, null, slug, slug, null);
        ProjectKey key = context.getBean(ProjectKeys.class).list(organization, project).getFirst();
        return new TestProject(project, key, organization, owner);
    }
}
