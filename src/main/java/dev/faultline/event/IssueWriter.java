package dev.faultline.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.faultline.project.Projects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds or creates the issue of each event and adds the batch's events to their issues, with set-based SQL: a
 * statement per step for the whole batch. New issues are created under a lock on their project's row, after looking
 * once more for their hash, so two workers never create the same issue. Rows are always locked in id order, and
 * issues with NO KEY UPDATE, which the KEY SHARE locks of rows referencing them (users, tag values) do not block, so
 * two workers never deadlock.
 */
@Component
class IssueWriter {

    /** An issue's grouping key: its project and hash. */
    record IssueKey(long projectId, String hash) implements Comparable<IssueKey> {

        @Override
        public int compareTo(IssueKey other) {
            return Comparator.comparingLong(IssueKey::projectId).thenComparing(IssueKey::hash).compare(this, other);
        }
    }

    /** What the batch changed about issues, for alerts. */
    record Outcome(Map<IssueKey, Long> issueIds, Set<Long> created, Set<Long> regressed) {
    }

    /** What adding events did to an issue's status. */
    private record Change(long issueId, boolean regressed, boolean ignoreEnded) {
    }

    private final JdbcClient jdbc;
    private final Projects projects;

    IssueWriter(JdbcClient jdbc, Projects projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    Outcome write(List<DigestedEvent> events) {
        Map<IssueKey, List<DigestedEvent>> byIssue = new TreeMap<>();
        for (DigestedEvent event : events) {
            byIssue.computeIfAbsent(new IssueKey(event.projectId(), event.hash()), key -> new ArrayList<>())
                    .add(event);
        }
        Map<IssueKey, Long> ids = existing(byIssue.keySet());
        Map<IssueKey, Long> created = createMissing(byIssue, ids);
        ids.putAll(created);
        List<Change> changes = addEvents(byIssue, ids);
        Set<Long> newIssues = Set.copyOf(created.values());
        Set<Long> regressed = changes.stream().filter(Change::regressed).map(Change::issueId)
                .collect(Collectors.toSet());
        recordActivity(newIssues, regressed, changes.stream().filter(Change::ignoreEnded).map(Change::issueId)
                .collect(Collectors.toSet()));
        return new Outcome(ids, newIssues, regressed);
    }

    private Map<IssueKey, Long> existing(Set<IssueKey> keys) {
        Map<IssueKey, Long> ids = new HashMap<>();
        if (keys.isEmpty()) {
            return ids;
        }
        jdbc.sql("""
                        SELECT h.project_id, h.hash, h.issue_id FROM issue_hashes h
                        JOIN unnest(?::bigint[], ?::text[]) AS k(project_id, hash)
                          ON k.project_id = h.project_id AND k.hash = h.hash""")
                .params(keys.stream().map(IssueKey::projectId).toArray(Long[]::new),
                        keys.stream().map(IssueKey::hash).toArray(String[]::new))
                .query(rs -> {
                    ids.put(new IssueKey(rs.getLong(1), rs.getString(2)), rs.getLong(3));
                });
        return ids;
    }

    /**
     * Creates the issues of hashes seen for the first time, each from its earliest event in the batch, with that
     * event's search text: the stack it was grouped by, which all of the issue's events share (their messages,
     * which differ, are searched in the title). Written once, it never costs the trigram index an update.
     */
    private Map<IssueKey, Long> createMissing(Map<IssueKey, List<DigestedEvent>> byIssue, Map<IssueKey, Long> known) {
        Map<Long, List<IssueKey>> missingByProject = new TreeMap<>();
        byIssue.keySet().stream().filter(key -> !known.containsKey(key))
                .forEach(key -> missingByProject.computeIfAbsent(key.projectId(), id -> new ArrayList<>()).add(key));
        Map<IssueKey, Long> created = new HashMap<>();
        for (var entry : missingByProject.entrySet()) {
            long projectId = entry.getKey();
            projects.lockForNewIssues(projectId);
            // Another worker may have created some while we waited for the lock.
            Map<IssueKey, Long> meanwhile = existing(Set.copyOf(entry.getValue()));
            created.putAll(meanwhile);
            List<IssueKey> missing = entry.getValue().stream().filter(key -> !meanwhile.containsKey(key)).sorted()
                    .toList();
            if (!missing.isEmpty()) {
                created.putAll(insert(projectId, missing, byIssue));
            }
        }
        return created;
    }

    private Map<IssueKey, Long> insert(long projectId, List<IssueKey> missing,
            Map<IssueKey, List<DigestedEvent>> byIssue) {
        long lastShortId = projects.allocateShortIds(projectId, missing.size());
        long firstShortId = lastShortId - missing.size() + 1;
        Map<Long, IssueKey> byShortId = new LinkedHashMap<>();
        List<DigestedEvent> firsts = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            byShortId.put(firstShortId + i, missing.get(i));
            firsts.add(byIssue.get(missing.get(i)).stream().min(Comparator.comparing(DigestedEvent::receivedAt))
                    .orElseThrow());
        }
        Map<IssueKey, Long> ids = new HashMap<>();
        jdbc.sql("""
                        WITH v AS (
                            SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::smallint[],
                                                 ?::text[], ?::timestamptz[], ?::text[], ?::text[])
                                 AS v(short_id, type, title, culprit, metadata, level, platform, seen, release, search)),
                        created AS (
                            INSERT INTO issues (project_id, short_id, type, title, culprit, metadata, level, platform,
                                                first_seen, last_seen, first_release, last_release)
                            SELECT ?, v.short_id, v.type, v.title, v.culprit, v.metadata::jsonb, v.level, v.platform,
                                   v.seen, v.seen, v.release, v.release
                            FROM v
                            RETURNING short_id, id),
                        searched AS (
                            INSERT INTO issue_search (issue_id, text)
                            SELECT created.id, v.search FROM created JOIN v USING (short_id))
                        SELECT short_id, id FROM created""")
                .params(byShortId.keySet().toArray(Long[]::new),
                        firsts.stream().map(e -> e.summary().type()).toArray(String[]::new),
                        firsts.stream().map(e -> e.summary().title()).toArray(String[]::new),
                        firsts.stream().map(e -> e.summary().culprit()).toArray(String[]::new),
                        firsts.stream().map(e -> e.summary().metadata().toString()).toArray(String[]::new),
                        firsts.stream().map(e -> e.level().code()).toArray(Integer[]::new),
                        firsts.stream().map(e -> e.platform() == null ? "other" : e.platform()).toArray(String[]::new),
                        firsts.stream().map(e -> e.receivedAt().toString()).toArray(String[]::new),
                        firsts.stream().map(DigestedEvent::release).toArray(String[]::new),
                        firsts.stream().map(DigestedEvent::searchText).toArray(String[]::new), projectId)
                .query(rs -> {
                    ids.put(byShortId.get(rs.getLong(1)), rs.getLong(2));
                });
        List<IssueKey> keys = new ArrayList<>(ids.keySet());
        jdbc.sql("INSERT INTO issue_hashes (project_id, hash, issue_id) SELECT * FROM unnest(?::bigint[], ?::text[], ?::bigint[])")
                .params(keys.stream().map(IssueKey::projectId).toArray(Long[]::new),
                        keys.stream().map(IssueKey::hash).toArray(String[]::new),
                        keys.stream().map(ids::get).toArray(Long[]::new))
                .update();
        return ids;
    }

    /**
     * Counts the events and their new users on their issues and takes the newest event's title, culprit and level
     * (unless another worker has already stored a newer one).
     * A resolved issue that gets an event is unresolved again and marked regressed; an ignored one stays ignored
     * until the time or the number of events it was ignored for has passed.
     */
    private List<Change> addEvents(Map<IssueKey, List<DigestedEvent>> byIssue, Map<IssueKey, Long> ids) {
        Map<Long, List<DigestedEvent>> events = new TreeMap<>();
        byIssue.forEach((key, list) -> events.computeIfAbsent(ids.get(key), id -> new ArrayList<>()).addAll(list));
        Map<Long, Long> newUsers = addUsers(events);
        List<Long> issueIds = new ArrayList<>(events.keySet());
        List<DigestedEvent> newest = issueIds.stream().map(id -> events.get(id).stream()
                .max(Comparator.comparing(DigestedEvent::receivedAt)).orElseThrow()).toList();
        return jdbc.sql("""
                        WITH v AS (
                            SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[], ?::text[],
                                                 ?::text[], ?::text[], ?::smallint[], ?::text[])
                                 AS v(id, events, users, last_seen, title, culprit, metadata, level, release)),
                        old AS (
                            SELECT i.id, i.status,
                                   i.status = 'ignored' AND (i.ignored_until <= now()
                                       OR i.ignored_until_count <= i.times_seen + v.events) AS ignore_passed
                            FROM issues i JOIN v ON v.id = i.id ORDER BY i.id FOR NO KEY UPDATE OF i)
                        UPDATE issues SET
                            times_seen = issues.times_seen + v.events,
                            users_seen = issues.users_seen + v.users,
                            last_seen = greatest(issues.last_seen, v.last_seen),
                            title = CASE WHEN v.last_seen >= issues.last_seen THEN v.title ELSE issues.title END,
                            culprit = CASE WHEN v.last_seen >= issues.last_seen THEN v.culprit ELSE issues.culprit END,
                            metadata = CASE WHEN v.last_seen >= issues.last_seen THEN v.metadata::jsonb
                                            ELSE issues.metadata END,
                            level = CASE WHEN v.last_seen >= issues.last_seen THEN v.level ELSE issues.level END,
                            first_release = coalesce(issues.first_release, v.release),
                            last_release = CASE WHEN v.last_seen >= issues.last_seen
                                                THEN coalesce(v.release, issues.last_release)
                                                ELSE issues.last_release END,
                            status = CASE WHEN old.status = 'resolved' OR old.ignore_passed THEN 'unresolved'
                                          ELSE old.status END,
                            regressed = issues.regressed OR old.status = 'resolved',
                            resolved_at = CASE WHEN old.status = 'resolved' THEN NULL ELSE issues.resolved_at END,
                            ignored_until = CASE WHEN old.ignore_passed THEN NULL ELSE issues.ignored_until END,
                            ignored_until_count = CASE WHEN old.ignore_passed THEN NULL
                                                       ELSE issues.ignored_until_count END
                        FROM v, old WHERE issues.id = v.id AND old.id = v.id
                        RETURNING issues.id, old.status = 'resolved', old.ignore_passed""")
                .params(issueIds.toArray(Long[]::new),
                        issueIds.stream().map(id -> (long) events.get(id).size()).toArray(Long[]::new),
                        issueIds.stream().map(id -> newUsers.getOrDefault(id, 0L)).toArray(Long[]::new),
                        newest.stream().map(e -> e.receivedAt().toString()).toArray(String[]::new),
                        newest.stream().map(e -> e.summary().title()).toArray(String[]::new),
                        newest.stream().map(e -> e.summary().culprit()).toArray(String[]::new),
                        newest.stream().map(e -> e.summary().metadata().toString()).toArray(String[]::new),
                        newest.stream().map(e -> e.level().code()).toArray(Integer[]::new),
                        newest.stream().map(DigestedEvent::release).toArray(String[]::new))
                .query((rs, row) -> new Change(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3))).list();
    }

    /** Adds the history entries that digest is the author of: created, regressed, unresolved after an ignore. */
    private void recordActivity(Set<Long> created, Set<Long> regressed, Set<Long> ignoreEnded) {
        List<Long> issueIds = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        created.stream().sorted().forEach(id -> {
            issueIds.add(id);
            kinds.add("created");
        });
        regressed.stream().sorted().forEach(id -> {
            issueIds.add(id);
            kinds.add("regressed");
        });
        ignoreEnded.stream().sorted().forEach(id -> {
            issueIds.add(id);
            kinds.add("unresolved");
        });
        if (!issueIds.isEmpty()) {
            jdbc.sql("INSERT INTO issue_activity (issue_id, kind) SELECT * FROM unnest(?::bigint[], ?::text[])")
                    .params(issueIds.toArray(Long[]::new), kinds.toArray(String[]::new)).update();
        }
    }

    /** Records who each issue happened to; returns, per issue, how many of them are new to it. */
    private Map<Long, Long> addUsers(Map<Long, List<DigestedEvent>> events) {
        record IssueUser(long issueId, String userKey) {
        }
        List<IssueUser> pairs = events.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(DigestedEvent::userKey)
                        .filter(Objects::nonNull).distinct().map(user -> new IssueUser(entry.getKey(), user)))
                .sorted(Comparator.comparingLong(IssueUser::issueId).thenComparing(IssueUser::userKey))
                .toList();
        Map<Long, Long> counts = new HashMap<>();
        if (pairs.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        INSERT INTO issue_users (issue_id, user_key)
                        SELECT * FROM unnest(?::bigint[], ?::text[]) ON CONFLICT DO NOTHING RETURNING issue_id""")
                .params(pairs.stream().map(IssueUser::issueId).toArray(Long[]::new),
                        pairs.stream().map(IssueUser::userKey).toArray(String[]::new))
                .query(rs -> {
                    counts.merge(rs.getLong(1), 1L, Long::sum);
                });
        return counts;
    }
}
