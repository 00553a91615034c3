package dev.faultline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few calls of Faultline's web API the benchmark makes, with a superuser's API token. */
final class FaultlineApi {

    static final String ORGANIZATION = "bench";
    private static final Pattern PUBLIC_KEY = Pattern.compile("\"public\":\"([0-9a-f]{32})\"");
    private static final Pattern PROJECT_ID = Pattern.compile("\"projectId\":\"?(\\d+)");
    private static final Pattern ISSUE_ID = Pattern.compile("\"id\":\"(\\d+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final String token;

    FaultlineApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** An organization, a team and {@code count} Java projects, with each project's id and DSN key. */
    List<Workload.Project> createProjects(int count) throws IOException, InterruptedException {
        post("/api/0/organizations/", "{\"name\":\"Bench\",\"slug\":\"" + ORGANIZATION + "\"}");
        post("/api/0/organizations/" + ORGANIZATION + "/teams/", "{\"name\":\"Bench\",\"slug\":\"bench\"}");
        List<Workload.Project> projects = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String slug = "project-" + i;
            post("/api/0/teams/" + ORGANIZATION + "/bench/projects/",
                    "{\"name\":\"Project " + i + "\",\"slug\":\"" + slug + "\",\"platform\":\"java\"}");
            String keys = get("/api/0/projects/" + ORGANIZATION + "/" + slug + "/keys/").body();
            projects.add(new Workload.Project(Long.parseLong(first(PROJECT_ID, keys)), slug, first(PUBLIC_KEY, keys)));
        }
        return projects;
    }

    /** 200 once digest has stored the event, 404 before. */
    int eventStatus(String projectSlug, String eventId) throws IOException, InterruptedException {
        return get("/api/0/projects/" + ORGANIZATION + "/" + projectSlug + "/events/" + eventId + "/").statusCode();
    }

    String firstIssueId(String listBody) {
        return first(ISSUE_ID, listBody);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }
}
