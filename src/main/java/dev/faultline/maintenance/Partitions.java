package dev.faultline.maintenance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Day partitions of the event and transaction tables: created a few days ahead, and dropped whole once their day has
 * passed out of retention (deleting a day of events is then instant and leaves no bloat).
 */
@Component
class Partitions {

    static final List<String> TABLES = List.of("events", "transactions");
    private static final int DAYS_AHEAD = 3;
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;

    Partitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the partitions from yesterday to a few days ahead. */
    void createAround(LocalDate today) {
        for (String table : TABLES) {
            for (int day = -1; day <= DAYS_AHEAD; day++) {
                create(table, today.plusDays(day));
            }
        }
    }

    /**
     * A day's partition. Rows of that day already in the default partition (stored while the server was down for
     * longer than the days made ahead) would forbid it, so they are moved into it first.
     */
    private void create(String table, LocalDate day) {
        String name = table + "_" + day.format(SUFFIX);
        if (jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(name).query(Boolean.class).single()) {
            return;
        }
        String bounds = "FROM ('" + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')";
        String inDay = "received_at >= '" + day + " 00:00:00+00' AND received_at < '" + day.plusDays(1)
                + " 00:00:00+00'";
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + "_default WHERE " + inDay + ")")
                .query(Boolean.class).single()) {
            jdbc.sql("CREATE TABLE " + name + " PARTITION OF " + table + " FOR VALUES " + bounds).update();
            return;
        }
        jdbc.sql("CREATE TABLE " + name + " (LIKE " + table + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)").update();
        jdbc.sql("WITH moved AS (DELETE FROM " + table + "_default WHERE " + inDay + " RETURNING *) "
                + "INSERT INTO " + name + " SELECT * FROM moved").update();
        jdbc.sql("ALTER TABLE " + table + " ATTACH PARTITION " + name + " FOR VALUES " + bounds).update();
    }

    /** Drops the day partitions whose whole day lies before {@code cutoff}; returns their names. */
    List<String> dropBefore(LocalDate cutoff) {
        List<String> expired = jdbc.sql("""
                        SELECT c.relname FROM pg_inherits i
                        JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
                        WHERE p.relname = ANY (?) AND c.relname ~ '_[0-9]{8}$'""")
                .param(TABLES.toArray(String[]::new)).query(String.class).list().stream()
                .filter(name -> LocalDate.parse(name.substring(name.length() - 8), SUFFIX).isBefore(cutoff))
                .sorted().toList();
        expired.forEach(partition -> jdbc.sql("DROP TABLE " + partition).update());
        return expired;
    }
}
