package dev.faultline.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Sends events to a test project as an SDK would, and waits for digest to file them. */
public record Events(int port, TestProjects.TestProject project, JdbcClient jdbc) {

    /** Sends the event and returns its id (32 hex digits). */
    public String send(String eventJson) {
        String eventId = UUID.randomUUID().toString().replace("-", "");
        var response = Ingest.to(port, project.id()).key(project.publicKey())
                .envelope(Ingest.eventEnvelope(eventId, eventJson));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return eventId;
    }

    /** Waits until digest has counted {@code count} events of the project; returns its issues. */
    public List<Issues.Row> await(int count) {
        Eventually.await(() -> Issues.eventCount(jdbc, project.id()), n -> n >= count, Duration.ofSeconds(10));
        return Eventually.await(() -> Issues.of(jdbc, project.id()),
                rows -> rows.stream().mapToLong(Issues.Row::timesSeen).sum() >= count, Duration.ofSeconds(10));
    }

    /** A Python exception raised in {@code shop.views.<function>}, with extra JSON fields (may be empty). */
    public static String exception(String type, String value, String function, String extraFields) {
        return """
                {"platform":"python","level":"error",%s"exception":{"values":[{"type":"%s","value":"%s",
                  "stacktrace":{"frames":[
                  {"module":"django.core.handlers","function":"inner","filename":"django/core/handlers.py",
                   "lineno":55,"in_app":false},
                  {"module":"shop.views","function":"%s","filename":"shop/views.py","lineno":12,"in_app":true,
                   "context_line":"raise Error()","pre_context":["def %s(request):"],"vars":{"order":"17"}}]}}]}}"""
                .formatted(extraFields.isEmpty() ? "" : extraFields + ",", type, value, function, function)
                .replace("\n", "");
    }

    public static String message(String text, String extraFields) {
        return "{\"message\":\"" + text + "\",\"level\":\"warning\",\"platform\":\"python\""
                + (extraFields.isEmpty() ? "" : "," + extraFields) + "}";
    }
}
