package dev.faultline.maintenance;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.faultline.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps stored data within {@code GLITCHTIP_MAX_EVENT_LIFE_DAYS}: at start and every hour, one instance at a time
 * (an advisory lock), prepares the coming days' partitions and deletes what has expired or lost its project.
 */
@Component
class MaintenanceSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceSchedule.class);
    private static final long LOCK = 0x6661756c746c696eL;

    private final Partitions partitions;
    private final Retention retention;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final int retentionDays;
    private ScheduledExecutorService schedule;

    MaintenanceSchedule(Partitions partitions, Retention retention, JdbcClient jdbc, TransactionTemplate transaction,
            Settings settings) {
        this.partitions = partitions;
        this.retention = retention;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.retentionDays = settings.maxEventLifeDays();
    }

    /** One run for the given day, after any other instance's has finished; returns the partitions it dropped. */
    List<String> runFor(LocalDate today) {
        return transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query((rs, row) -> row).list();
            partitions.createAround(today);
            LocalDate cutoff = today.minusDays(retentionDays);
            List<String> dropped = partitions.dropBefore(cutoff);
            retention.deleteBefore(cutoff.atStartOfDay(ZoneOffset.UTC).toInstant());
            retention.sweepDeletedProjects();
            return dropped;
        });
    }

    @Override
    public void start() {
        schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("maintenance").daemon().factory());
        // The first run, at once but off the start-up path: until it has run, events go to the default partition.
        schedule.scheduleWithFixedDelay(this::run, 0, 1, TimeUnit.HOURS);
    }

    private void run() {
        try {
            List<String> dropped = runFor(LocalDate.now(ZoneOffset.UTC));
            if (!dropped.isEmpty()) {
                log.info("Dropped stored data older than {} days: {}", retentionDays, dropped);
            }
        }
        catch (RuntimeException e) {
            log.error("Could not apply retention to stored data: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        schedule.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return schedule != null && !schedule.isShutdown();
    }
}
