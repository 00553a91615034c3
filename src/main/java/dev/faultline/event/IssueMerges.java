package dev.faultline.event;

import java.util.List;
import java.util.Optional;

import dev.faultline.project.Projects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merging issues into one, and taking grouping hashes back out of an issue into an issue of their own: the events,
 * hashes and aggregates move with them. The caller has checked that the issues are the caller's to change and belong
 * to one project. Issue rows are locked in id order, as digest locks them.
 */
@Service
public class IssueMerges {

    private final JdbcClient jdbc;
    private final Projects projects;
    private final StoredEvents events;

    IssueMerges(JdbcClient jdbc, Projects projects, StoredEvents events) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.events = events;
    }

    /** Files the children's events and hashes under the parent and deletes the children. */
    @Transactional
    public void merge(long parentId, List<Long> childIds) {
        Long[] children = childIds.stream().filter(id -> id != parentId).toArray(Long[]::new);
        if (children.length == 0) {
            return;
        }
        lock(parentId, children);
        jdbc.sql("UPDATE events SET issue_id = ? WHERE issue_id = ANY (?)").params(parentId, children).update();
        jdbc.sql("UPDATE issue_hashes SET issue_id = ? WHERE issue_id = ANY (?)").params(parentId, children).update();
        jdbc.sql("""
                        INSERT INTO issue_users (issue_id, user_key)
                        SELECT ?, user_key FROM issue_users WHERE issue_id = ANY (?) ON CONFLICT DO NOTHING""")
                .params(parentId, children).update();
        jdbc.sql("""
                        INSERT INTO issue_tag_values (issue_id, key, value, times_seen, first_seen, last_seen)
                        SELECT ?, key, value, sum(times_seen), min(first_seen), max(last_seen)
                        FROM issue_tag_values WHERE issue_id = ANY (?) GROUP BY key, value
                        ON CONFLICT (issue_id, key, value) DO UPDATE SET
                            times_seen = issue_tag_values.times_seen + excluded.times_seen,
                            first_seen = least(issue_tag_values.first_seen, excluded.first_seen),
                            last_seen = greatest(issue_tag_values.last_seen, excluded.last_seen)""")
                .params(parentId, children).update();
        jdbc.sql("""
                        INSERT INTO issue_hourly_counts (issue_id, hour, count)
                        SELECT ?, hour, sum(count) FROM issue_hourly_counts WHERE issue_id = ANY (?) GROUP BY hour
                        ON CONFLICT (issue_id, hour) DO UPDATE SET count = issue_hourly_counts.count + excluded.count""")
                .params(parentId, children).update();
        jdbc.sql("""
                        UPDATE issues p SET
                            times_seen = p.times_seen + c.times_seen,
                            first_seen = least(p.first_seen, c.first_seen),
                            last_seen = greatest(p.last_seen, c.last_seen),
                            users_seen = (SELECT count(*) FROM issue_users WHERE issue_id = p.id)
                        FROM (SELECT sum(times_seen) AS times_seen, min(first_seen) AS first_seen,
                                     max(last_seen) AS last_seen
                              FROM issues WHERE id = ANY (?)) c
                        WHERE p.id = ?""")
                .params(children, parentId).update();
        // The parent is found by what each of its merged issues was found by.
        jdbc.sql("""
                        UPDATE issue_search p SET text = left(p.text || ' ' || c.text, ?)
                        FROM (SELECT string_agg(text, ' ' ORDER BY issue_id) AS text
                              FROM issue_search WHERE issue_id = ANY (?)) c
                        WHERE p.issue_id = ? AND c.text IS NOT NULL""")
                .params(EventRecords.MAX_SEARCH_TEXT, children, parentId).update();
        jdbc.sql("DELETE FROM issues WHERE id = ANY (?)").param(children).update();
    }

    /**
     * Moves the events of these hashes out of the issue into a new issue of the same project, titled after its
     * newest event; returns the new issue's id, or empty when the hashes are not the issue's or would leave it none.
     */
    @Transactional
    public Optional<Long> unmerge(long issueId, long projectId, List<String> hashes) {
        String[] moved = hashes.toArray(String[]::new);
        lock(issueId, new Long[0]);
        long owned = jdbc.sql("SELECT count(*) FROM issue_hashes WHERE issue_id = ? AND hash = ANY (?)")
                .params(issueId, moved).query(Long.class).single();
        long all = jdbc.sql("SELECT count(*) FROM issue_hashes WHERE issue_id = ?").param(issueId)
                .query(Long.class).single();
        if (owned != moved.length || owned == all) {
            return Optional.empty();
        }
        projects.lockForNewIssues(projectId);
        long shortId = projects.allocateShortIds(projectId, 1);
        // A copy of the issue, search text too, which it keeps when none of its events is left to retitle it.
        long newId = jdbc.sql("""
                        WITH created AS (
                            INSERT INTO issues (project_id, short_id, type, title, culprit, metadata, level, platform,
                                                first_seen, last_seen)
                            SELECT project_id, ?, type, title, culprit, metadata, level, platform, first_seen, last_seen
                            FROM issues WHERE id = ? RETURNING id),
                        searched AS (
                            INSERT INTO issue_search (issue_id, text)
                            SELECT created.id, s.text FROM created, issue_search s WHERE s.issue_id = ?)
                        SELECT id FROM created""")
                .params(shortId, issueId, issueId).query(Long.class).single();
        jdbc.sql("UPDATE issue_hashes SET issue_id = ? WHERE issue_id = ? AND hash = ANY (?)")
                .params(newId, issueId, moved).update();
        jdbc.sql("UPDATE events SET issue_id = ? WHERE issue_id = ? AND hash = ANY (?)")
                .params(newId, issueId, moved).update();
        recount(newId);
        recount(issueId);
        events.latest(newId).ifPresent(latest -> retitle(newId, latest.body(), latest.level()));
        events.latest(issueId).ifPresent(latest -> retitle(issueId, latest.body(), latest.level()));
        return Optional.of(newId);
    }

    private void lock(long issueId, Long[] others) {
        jdbc.sql("SELECT id FROM issues WHERE id = ? OR id = ANY (?) ORDER BY id FOR NO KEY UPDATE")
                .params(issueId, others).query(Long.class).list();
    }

    /** Counts an issue's aggregates anew from its stored events (what retention has deleted is no longer counted). */
    private void recount(long issueId) {
        jdbc.sql("DELETE FROM issue_users WHERE issue_id = ?").param(issueId).update();
        jdbc.sql("""
                        INSERT INTO issue_users (issue_id, user_key)
                        SELECT DISTINCT ?, user_key FROM events WHERE issue_id = ? AND user_key IS NOT NULL""")
                .params(issueId, issueId).update();
        jdbc.sql("DELETE FROM issue_tag_values WHERE issue_id = ?").param(issueId).update();
        jdbc.sql("""
                        INSERT INTO issue_tag_values (issue_id, key, value, times_seen, first_seen, last_seen)
                        SELECT ?, split_part(tag, '=', 1), substr(tag, strpos(tag, '=') + 1), count(*),
                               min(received_at), max(received_at)
                        FROM events, unnest(string_to_array(tags, E'\\n')) AS tag WHERE issue_id = ? GROUP BY 2, 3""")
                .params(issueId, issueId).update();
        jdbc.sql("DELETE FROM issue_hourly_counts WHERE issue_id = ?").param(issueId).update();
        jdbc.sql("""
                        INSERT INTO issue_hourly_counts (issue_id, hour, count)
                        SELECT ?, date_trunc('hour', received_at), count(*) FROM events WHERE issue_id = ? GROUP BY 2""")
                .params(issueId, issueId).update();
        jdbc.sql("""
                        UPDATE issues i SET times_seen = s.events, first_seen = coalesce(s.first, i.first_seen),
                                            last_seen = coalesce(s.last, i.last_seen),
                                            users_seen = (SELECT count(*) FROM issue_users WHERE issue_id = i.id)
                        FROM (SELECT count(*) AS events, min(received_at) AS first, max(received_at) AS last
                              FROM events WHERE issue_id = ?) s
                        WHERE i.id = ?""")
                .params(issueId, issueId).update();
    }

    private void retitle(long issueId, ObjectNode event, Level level) {
        EventSummary summary = EventSummaries.of(event);
        jdbc.sql("""
                        WITH searched AS (
                            INSERT INTO issue_search (issue_id, text) VALUES (?, ?)
                            ON CONFLICT (issue_id) DO UPDATE SET text = excluded.text
                            WHERE issue_search.text IS DISTINCT FROM excluded.text)
                        UPDATE issues SET type = ?, title = ?, culprit = ?, metadata = ?::jsonb, level = ?
                        WHERE id = ?""")
                .params(issueId, EventRecords.searchText(event, summary), summary.type(), summary.title(),
                        summary.culprit(), summary.metadata().toString(), level.code(), issueId)
                .update();
    }
}
