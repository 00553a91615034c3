package dev.faultline.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.faultline.compression.BodyCompression;
import dev.faultline.ingest.EventIds;
import dev.faultline.ingest.IntakeKind;
import dev.faultline.ingest.IntakeQueue;
import dev.faultline.ingest.IntakeRow;
import dev.faultline.performance.StreamedSpans;
import dev.faultline.performance.TransactionRecord;
import dev.faultline.performance.TransactionWriter;
import dev.faultline.project.Projects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One batch of the intake, digested inside the caller's transaction: claimed, normalized, deduplicated by event id,
 * grouped into issues and stored with its aggregates. The caller commits; a failure rolls the claim back with the
 * rest, so nothing claimed is lost.
 */
@Component
class Digest {

    private final IntakeQueue intake;
    private final Projects projects;
    private final Normalizer normalizer;
    private final Grouper grouper;
    private final IssueWriter issues;
    private final EventWriter events;
    private final TransactionWriter transactions;
    private final List<DigestListener> listeners;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final BodyCompression compression;

    Digest(IntakeQueue intake, Projects projects, Normalizer normalizer, Grouper grouper, IssueWriter issues,
            EventWriter events, TransactionWriter transactions, List<DigestListener> listeners, JdbcClient jdbc,
            JsonMapper json, BodyCompression compression) {
        this.intake = intake;
        this.projects = projects;
        this.normalizer = normalizer;
        this.grouper = grouper;
        this.issues = issues;
        this.events = events;
        this.transactions = transactions;
        this.listeners = listeners;
        this.jdbc = jdbc;
        this.json = json;
        this.compression = compression;
    }

    /** A batch that could not be digested, with the intake rows it had claimed. */
    static final class Failure extends RuntimeException {

        private final List<Long> rowIds;

        Failure(List<Long> rowIds, RuntimeException cause) {
            super("digest of intake rows " + rowIds + " failed: " + cause, cause);
            this.rowIds = rowIds;
        }

        List<Long> rowIds() {
            return rowIds;
        }
    }

    /**
     * How many compressed payload bytes a batch takes at most (its first row whatever its size): with every worker
     * holding a batch and its results, digest's share of the heap stays bounded by events' sizes, not their count.
     */
    static final long BATCH_BYTES = 16 * 1024 * 1024;

    /** What a batch claimed: how many rows, and whether it stopped at a bound (so more may be waiting). */
    record Claimed(int rows, boolean full) {
    }

    /**
     * Digests up to {@code limit} intake rows, and fewer past {@link #BATCH_BYTES}.
     *
     * @throws Failure when any part fails; the caller's transaction must then roll back
     */
    Claimed digestBatch(int limit) {
        List<IntakeRow> rows = new ArrayList<>(intake.claim(limit, BATCH_BYTES));
        if (rows.isEmpty()) {
            return new Claimed(0, false);
        }
        rows.sort(Comparator.comparingLong(IntakeRow::id));
        try {
            digest(rows);
        }
        catch (RuntimeException e) {
            throw new Failure(rows.stream().map(IntakeRow::id).toList(), e);
        }
        long bytes = rows.stream().mapToLong(row -> row.payload().length).sum();
        return new Claimed(rows.size(), rows.size() == limit || bytes >= BATCH_BYTES);
    }

    private void digest(List<IntakeRow> rows) {
        Map<Long, Projects.DigestSettings> settings = projects.digestSettings(
                rows.stream().map(IntakeRow::projectId).distinct().toList());
        // Project rows are locked first, before any issue's, in every batch that marks a first event.
        projects.markFirstEvent(settings.entrySet().stream().filter(project -> !project.getValue().hadEvents())
                .map(Map.Entry::getKey).toList());
        List<DigestedEvent> digested = new ArrayList<>();
        List<TransactionRecord> traced = new ArrayList<>();
        for (IntakeRow row : rows) {
            Projects.DigestSettings project = settings.get(row.projectId());
            if (project != null) {
                process(row, project, digested, traced);
            }
        }
        List<DigestedEvent> fresh = firstTimeSeen(digested, DigestedEvent::projectId, DigestedEvent::eventId,
                DigestedEvent::receivedAt);
        if (!fresh.isEmpty()) {
            IssueWriter.Outcome outcome = issues.write(fresh);
            events.write(fresh, outcome.issueIds());
            List<DigestListener.Seen> seen = seen(fresh, outcome);
            listeners.forEach(listener -> listener.digested(seen));
        }
        transactions.write(firstTimeSeen(traced, TransactionRecord::projectId, TransactionRecord::eventId,
                TransactionRecord::receivedAt));
    }

    /** Each issue's events of the batch per environment, with their highest level, for the listeners. */
    private static List<DigestListener.Seen> seen(List<DigestedEvent> events, IssueWriter.Outcome outcome) {
        record Key(long projectId, long issueId, String environment) {
        }
        Map<Key, Integer> maxLevels = new LinkedHashMap<>();
        for (DigestedEvent event : events) {
            long issueId = outcome.issueIds().get(new IssueWriter.IssueKey(event.projectId(), event.hash()));
            maxLevels.merge(new Key(event.projectId(), issueId, event.environment()), event.level().code(), Math::max);
        }
        return maxLevels.entrySet().stream().map(entry -> new DigestListener.Seen(entry.getKey().projectId(),
                entry.getKey().issueId(), entry.getKey().environment(), entry.getValue(),
                outcome.created().contains(entry.getKey().issueId()),
                outcome.regressed().contains(entry.getKey().issueId()))).toList();
    }

    /** Moves an intake row that failed on its own aside with the reason: kept for a fix, not lost, not retried. */
    void setAside(long rowId, Throwable reason) {
        intake.claim(rowId).ifPresent(row -> jdbc.sql("""
                            INSERT INTO intake_failures
                                (id, project_id, kind, event_id, received_at, sent_at, client_ip, payload, error)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                    .params(row.id(), row.projectId(), row.kind().code(), row.eventId(),
                            java.sql.Timestamp.from(row.receivedAt()),
                            row.sentAt() == null ? null : java.sql.Timestamp.from(row.sentAt()), row.clientIp(),
                            row.payload(), String.valueOf(reason))
                    .update());
    }

    private void process(IntakeRow row, Projects.DigestSettings project, List<DigestedEvent> digested,
            List<TransactionRecord> traced) {
        JsonNode payload = json.readTree(compression.decompress(row.payload()));
        if (row.kind() == IntakeKind.SECURITY_REPORT) {
            boolean first = true;
            for (ObjectNode report : SecurityReports.toEvents(payload)) {
                UUID eventId = first ? row.eventId() : UUID.randomUUID();
                first = false;
                digested.add(digest(row, eventId, report, project));
            }
            return;
        }
        if (row.kind() == IntakeKind.SPANS) {
            for (ObjectNode transaction : StreamedSpans.toTransactions(payload)) {
                ObjectNode normalized = normalizer.normalize(transaction, received(row, UUID.randomUUID(), project));
                traced.add(TransactionRecord.of(row.projectId(), row.receivedAt(), normalized, json, compression));
            }
            return;
        }
        if (!(payload instanceof ObjectNode event)) {
            throw new IllegalArgumentException("intake row " + row.id() + " holds no JSON object");
        }
        ObjectNode normalized = normalizer.normalize(event, received(row, row.eventId(), project));
        if (row.kind() == IntakeKind.TRANSACTION || "transaction".equals(EventRecords.text(normalized, "type"))) {
            traced.add(TransactionRecord.of(row.projectId(), row.receivedAt(), normalized, json, compression));
        }
        else {
            digested.add(describe(row, normalized));
        }
    }

    private DigestedEvent digest(IntakeRow row, UUID eventId, ObjectNode event, Projects.DigestSettings project) {
        return describe(row, normalizer.normalize(event, received(row, eventId, project)));
    }

    private DigestedEvent describe(IntakeRow row, ObjectNode normalized) {
        return EventRecords.of(row.projectId(), row.receivedAt(), normalized, grouper.group(normalized),
                EventSummaries.of(normalized), json, compression);
    }

    private static Received received(IntakeRow row, UUID eventId, Projects.DigestSettings project) {
        return new Received(EventIds.format(eventId), row.receivedAt(), row.sentAt(), row.clientIp(),
                project.scrubData(), project.scrubIpAddresses());
    }

    /**
     * The events (or transactions) whose id the project has not had before: an SDK's retry, or the same id twice in
     * one batch, is dropped.
     */
    private <T> List<T> firstTimeSeen(List<T> items, Function<T, Long> projectId, Function<T, UUID> eventId,
            Function<T, Instant> receivedAt) {
        Map<String, T> unique = new LinkedHashMap<>();
        for (T item : items) {
            unique.putIfAbsent(projectId.apply(item) + ":" + eventId.apply(item), item);
        }
        if (unique.isEmpty()) {
            return List.of();
        }
        List<T> candidates = unique.values().stream()
                .sorted(Comparator.comparing(projectId).thenComparing(eventId))
                .toList();
        Set<String> inserted = new HashSet<>();
        jdbc.sql("""
                        INSERT INTO event_ids (project_id, event_id, received_at)
                        SELECT * FROM unnest(?::bigint[], ?::uuid[], ?::timestamptz[])
                        ON CONFLICT DO NOTHING RETURNING project_id, event_id""")
                .params(candidates.stream().map(projectId).toArray(Long[]::new),
                        candidates.stream().map(eventId).toArray(UUID[]::new),
                        candidates.stream().map(item -> receivedAt.apply(item).toString()).toArray(String[]::new))
                .query(rs -> {
                    inserted.add(rs.getLong(1) + ":" + rs.getObject(2, UUID.class));
                });
        return candidates.stream()
                .filter(item -> inserted.contains(projectId.apply(item) + ":" + eventId.apply(item)))
                .toList();
    }
}
