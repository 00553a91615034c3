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
                LocalDate date = today.plusDays(day);
                jdbc.sql("CREATE TABLE IF NOT EXISTS " + table + "_" + date.format(SUFFIX) + " PARTITION OF " + table
                        + " FOR VALUES FROM ('" + date + " 00:00:00+00') TO ('" + date.plusDays(1)
                        + " 00:00:00+00')").update();
            }
        }
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
