package dev.faultline.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the due deliveries, several at once, each outside any transaction, then records how it went. A failure is
 * retried with exponential backoff ({@code faultline.alerts.retry-base}, doubling: with the default 30 s, the last
 * of 8 attempts is about an hour after the first), then given up.
 */
@Component
class AlertDelivery {

    private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);
    static final int BATCH = 16;

    private final DeliveryQueue queue;
    private final EmailSender email;
    private final WebhookSender webhooks;
    private final JsonMapper json;
    private final Duration retryBase;
    private final int maxAttempts;

    AlertDelivery(DeliveryQueue queue, EmailSender email, WebhookSender webhooks, JsonMapper json,
            @Value("${faultline.alerts.retry-base:30s}") Duration retryBase,
            @Value("${faultline.alerts.max-attempts:8}") int maxAttempts) {
        this.queue = queue;
        this.email = email;
        this.webhooks = webhooks;
        this.json = json;
        this.retryBase = retryBase;
        this.maxAttempts = maxAttempts;
    }

    /** Sends one batch of due deliveries; returns how many it took. */
    int deliverOnce() throws InterruptedException {
        List<DeliveryQueue.Job> jobs = queue.claim(BATCH);
        if (jobs.isEmpty()) {
            return 0;
        }
        // One address's emails go one after another, so that the throttle counts each before deciding the next.
        Map<String, List<DeliveryQueue.Job>> byAddress = jobs.stream().collect(Collectors.groupingBy(
                job -> job.email() == null ? "#" + job.id() : job.email().toLowerCase(Locale.ROOT),
                LinkedHashMap::new, Collectors.toList()));
        try (ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (List<DeliveryQueue.Job> sequence : byAddress.values()) {
                running.add(sending.submit(() -> sequence.forEach(this::deliver)));
            }
            for (Future<?> one : running) {
                try {
                    one.get();
                }
                catch (ExecutionException e) {
                    log.error("An alert delivery failed unexpectedly", e.getCause());
                }
            }
        }
        return jobs.size();
    }

    private void deliver(DeliveryQueue.Job job) {
        Notification notification = json.readValue(job.message(), Notification.class);
        SendResult result = job.kind() == RecipientKind.EMAIL ? email.send(job, notification)
                : webhooks.send(job, notification);
        switch (result.status()) {
            case SENT -> queue.finish(job, DeliveryQueue.Outcome.SENT, result.httpStatus(), null, null);
            case THROTTLED -> queue.finish(job, DeliveryQueue.Outcome.THROTTLED, null, result.error(), null);
            case PERMANENT_FAILURE -> queue.finish(job, DeliveryQueue.Outcome.FAILED, result.httpStatus(),
                    result.error(), null);
            case FAILED -> {
                if (job.attempts() >= maxAttempts) {
                    log.warn("Giving up alert delivery {} after {} attempts: {}", job.id(), job.attempts(),
                            result.error());
                    queue.finish(job, DeliveryQueue.Outcome.FAILED, result.httpStatus(), result.error(), null);
                }
                else {
                    queue.finish(job, DeliveryQueue.Outcome.RETRYING, result.httpStatus(), result.error(),
                            backoff(job.attempts()));
                }
            }
        }
    }

    /** The pause after the given number of attempts: the base, doubled after each further one. */
    Duration backoff(int attempts) {
        return retryBase.multipliedBy(1L << Math.min(attempts - 1, 20));
    }
}
