package dev.faultline.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.faultline.config.BuildInfo;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a notification to a webhook in its recipient's format, with timeouts and without following redirects (a
 * redirect could lead to an internal address). The generic format is signed with the recipient's secret. The HTTP
 * client (with the TLS stack and the trusted certificates it loads, and a selector thread) is made at the first
 * delivery, not at start: most installations send few or no webhooks, and an idle server should not hold it.
 */
@Component
class WebhookSender {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final SingletonSupplier<HttpClient> client = SingletonSupplier.of(() -> HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build());
    private final WebhookTargets targets;
    private final JsonMapper json;

    WebhookSender(WebhookTargets targets, JsonMapper json) {
        this.targets = targets;
        this.json = json;
    }

    SendResult send(DeliveryQueue.Job job, Notification notification) {
        URI uri = URI.create(job.url());
        String refusal = targets.refusal(uri);
        if (refusal != null) {
            return SendResult.permanent(null, refusal);
        }
        byte[] body = json.writeValueAsBytes(ChatPayloads.of(job.kind(), notification));
        var request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Faultline/" + BuildInfo.version())
                .header("X-Faultline-Delivery", String.valueOf(job.id()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (job.kind() == RecipientKind.WEBHOOK && job.secret() != null) {
            request.header(Signatures.HEADER, Signatures.sign(job.secret(), body));
        }
        try {
            HttpResponse<String> response = client.obtain().send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return SendResult.sent(status);
            }
            String error = "HTTP " + status + abbreviated(response.body());
            boolean retry = status >= 500 || status == 408 || status == 429;
            return retry ? SendResult.failed(status, error) : SendResult.permanent(status, error);
        }
        catch (IOException e) {
            return SendResult.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.failed(null, "interrupted");
        }
    }

    private static String abbreviated(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }
}
