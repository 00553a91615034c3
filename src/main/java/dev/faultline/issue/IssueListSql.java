package dev.faultline.issue;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of issue lists: a page in a sort order with keyset paging (the sort value and the id of the last row
 * shown), the number of matches, and the ids of all matches for bulk actions.
 */
final class IssueListSql {

    /** A statement and its parameters. */
    record Query(String sql, Object[] params) {
    }

    /** Where a page starts: after (or, going back, before) the row with this sort value and id. */
    record Cursor(String value, long id, boolean previous) {
    }

    private IssueListSql() {
    }

    /** Up to {@code limit + 1} issues, so the caller knows whether there is more. */
    static Query page(IssueFilter filter, IssueSort.Order order, Cursor cursor, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(IssueRepository.COLUMNS).append(", ")
                .append(IssueSort.PRIORITY.expression()).append(" AS priority FROM issues i WHERE ");
        where(filter, sql, params);
        String expression = order.sort().expression();
        // Going back reads the rows before the cursor in the opposite order; the caller turns them around.
        boolean descending = order.descending() != (cursor != null && cursor.previous());
        if (cursor != null) {
            sql.append(" AND (").append(expression).append(", i.id) ").append(descending ? "<" : ">").append(" (?, ?)");
            params.add(order.sort().parameter(cursor.value()));
            params.add(cursor.id());
        }
        String direction = descending ? " DESC" : "";
        sql.append(" ORDER BY ").append(expression).append(direction).append(", i.id").append(direction)
                .append(" LIMIT ?");
        params.add(limit + 1);
        return new Query(sql.toString(), params.toArray());
    }

    static Query count(IssueFilter filter) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM issues i WHERE ");
        where(filter, sql, params);
        return new Query(sql.toString(), params.toArray());
    }

    /** The ids of up to {@code max} matching issues, most recently seen first. */
    static Query ids(IssueFilter filter, int max) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT i.id FROM issues i WHERE ");
        where(filter, sql, params);
        sql.append(" ORDER BY i.last_seen DESC, i.id DESC LIMIT ?");
        params.add(max);
        return new Query(sql.toString(), params.toArray());
    }

    private static void where(IssueFilter filter, StringBuilder sql, List<Object> params) {
        sql.append("i.project_id = ANY (?)");
        params.add(filter.projectIds().toArray(Long[]::new));
        sql.append(" AND (").append(filter.search().sql()).append(')');
        params.addAll(filter.search().params());
        if (!filter.environments().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM issue_tag_values e WHERE e.issue_id = i.id")
                    .append(" AND e.key = 'environment' AND e.value = ANY (?))");
            params.add(filter.environments().toArray(String[]::new));
        }
        if (filter.start() != null) {
            sql.append(" AND i.last_seen >= ?");
            params.add(Timestamp.from(filter.start()));
        }
        if (filter.end() != null) {
            sql.append(" AND i.first_seen <= ?");
            params.add(Timestamp.from(filter.end()));
        }
    }
}
