package dev.faultline.maintenance;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.faultline.project.Projects;
import dev.faultline.support.IntegrationTest;
import dev.faultline.support.Stored;
import dev.faultline.support.TestProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention at work: partitions made ahead, expired data dropped, and a deleted project's events swept up. */
@IntegrationTest({"GLITCHTIP_MAX_EVENT_LIFE_DAYS=30"})
class MaintenanceScheduleTests {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    MaintenanceSchedule maintenance;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TestProjects.TestProject project;

    @BeforeEach
    void aProject() {
        project = new TestProjects(context).create("kept");
    }

    @Test
    void partitionsAreReadyForTheComingDays() {
        maintenance.runFor(TODAY);

        List<String> partitions = jdbc.sql("""
                        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'events'""")
                .query(String.class).list();
        for (int day = -1; day <= 3; day++) {
            assertThat(partitions).contains("events_" + TODAY.plusDays(day).toString().replace("-", ""));
        }
    }

    @Test
    void eventsStoredInTheDefaultPartitionMoveIntoTheirDaysPartitionWhenItIsMade() {
        LocalDate later = TODAY.plusDays(10);
        event(issue(later), later);
        assertThat(partitionsHoldingEvents()).containsExactly("events_default");

        maintenance.runFor(later);

        assertThat(partitionsHoldingEvents()).containsExactly("events_" + later.toString().replace("-", ""));
        assertThat(Stored.count(jdbc, "events", project.id())).isEqualTo(1);
    }

    @Test
    void eventsIssuesAndCountsPastRetentionAreDeletedAndNewerOnesKept() {
        LocalDate old = TODAY.minusDays(40);
        maintenance.runFor(old);
        long oldIssue = issue(old);
        long newIssue = issue(TODAY);
        event(oldIssue, old);
        event(newIssue, TODAY);
        event(oldIssue, TODAY.minusDays(400));
        jdbc.sql("INSERT INTO issue_hourly_counts (issue_id, hour, count) VALUES (?, ?, 1), (?, ?, 1)")
                .params(newIssue, at(old), newIssue, at(TODAY)).update();

        List<String> dropped = maintenance.runFor(TODAY);

        assertThat(dropped).contains("events_" + old.toString().replace("-", ""),
                "transactions_" + old.toString().replace("-", ""));
        assertThat(jdbc.sql("SELECT id FROM issues").query(Long.class).list()).containsExactly(newIssue);
        assertThat(Stored.count(jdbc, "events", project.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM issue_hourly_counts").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void eventIdsSeenMoreThanAWeekAgoAreForgottenAndNewerOnesKept() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        jdbc.sql("INSERT INTO event_ids (project_id, event_id, received_at) VALUES (?, ?, ?), (?, ?, ?)")
                .params(project.id(), old, at(TODAY.minusDays(8)), project.id(), recent, at(TODAY.minusDays(6)))
                .update();

        maintenance.runFor(TODAY);

        assertThat(jdbc.sql("SELECT event_id FROM event_ids").query(UUID.class).list()).containsExactly(recent);
    }

    @Test
    void theEventsOfADeletedProjectAreRemoved() {
        TestProjects.TestProject other = new TestProjects(context).create("gone");
        maintenance.runFor(TODAY);
        event(issue(TODAY), TODAY);
        long otherIssue = jdbc.sql("""
                        INSERT INTO issues (project_id, short_id, type, title, level, first_seen, last_seen)
                        VALUES (?, 1, 'error', 'gone', 4, now(), now()) RETURNING id""")
                .param(other.id()).query(Long.class).single();
        insertEvent(other.id(), otherIssue, TODAY);

        context.getBean(Projects.class).delete(other.membership(), other.project());
        maintenance.runFor(TODAY);

        assertThat(Stored.count(jdbc, "events", other.id())).isZero();
        assertThat(Stored.count(jdbc, "events", project.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM deleted_projects").query(Integer.class).single()).isZero();
    }

    private List<String> partitionsHoldingEvents() {
        return jdbc.sql("SELECT DISTINCT tableoid::regclass::text FROM events").query(String.class).list();
    }

    private long issue(LocalDate seen) {
        long shortId = jdbc.sql("SELECT count(*) + 1 FROM issues").query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO issues (project_id, short_id, type, title, level, first_seen, last_seen)
                        VALUES (?, ?, 'error', 'an issue', 4, ?, ?) RETURNING id""")
                .params(project.id(), shortId, at(seen), at(seen)).query(Long.class).single();
    }

    private void event(long issueId, LocalDate day) {
        insertEvent(project.id(), issueId, day);
    }

    private void insertEvent(long projectId, long issueId, LocalDate day) {
        jdbc.sql("""
                        INSERT INTO events (project_id, event_id, issue_id, received_at, occurred_at, level, hash, tags,
                                            body)
                        VALUES (?, ?, ?, ?, ?, 4, 'h', '', '\\x00')""")
                .params(projectId, UUID.randomUUID(), issueId, at(day), at(day)).update();
    }

    private static Timestamp at(LocalDate day) {
        return Timestamp.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }
}
