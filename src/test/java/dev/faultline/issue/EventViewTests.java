package dev.faultline.issue;

import java.time.Duration;

import dev.faultline.issue.EventView.ContextLine;
import dev.faultline.issue.EventView.ExceptionView;
import dev.faultline.issue.EventView.Frame;
import dev.faultline.issue.EventView.Pair;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class EventViewTests {

    @Test
    void showsThePythonFrameWithItsSourceAndVariables() {
        EventView view = EventView.of(FixtureEvents.body(FixtureEvents.PYTHON));

        ExceptionView exception = view.exceptions().getFirst();
        assertThat(exception.type()).isEqualTo("ZeroDivisionError");
        assertThat(exception.value()).isEqualTo("division by zero");
        Frame frame = exception.frames().getFirst();
        assertThat(frame.file()).isEqualTo("py_send.py");
        assertThat(frame.function()).isEqualTo("<module>");
        assertThat(frame.line()).isEqualTo(5);
        assertThat(frame.inApp()).isTrue();
        assertThat(frame.contextLines()).hasSize(10);
        assertThat(frame.contextLines().getFirst()).isEqualTo(new ContextLine(1, "import sentry_sdk, time", false));
        assertThat(frame.contextLines().get(4)).isEqualTo(new ContextLine(5, "    1 / 0", true));
        assertThat(frame.contextLines().getLast().lineNo()).isEqualTo(10);
        assertThat(frame.vars()).contains(new Pair("__file__", "'/app/py_send.py'"), new Pair("__annotations__", "{}"));
        assertThat(frame.vars().getFirst().key()).isEqualTo("__name__");
        assertThat(view.extra()).containsExactly(new Pair("sys.argv", "[\"/app/py_send.py\"]"));
        assertThat(view.sdk()).isEqualTo(new EventView.Sdk("sentry.python", "1.9.10"));
    }

    @Test
    void givesFramesOldestFirstAndNewestFirstOnRequest() {
        ExceptionView exception = EventView.of(FixtureEvents.body(FixtureEvents.NODE)).exceptions().getFirst();

        assertThat(exception.frames()).extracting(Frame::function).containsExactly("asyncRunEntryPointWithESMLoader",
                "ModuleLoader.import", "ModuleJob.run", null, "JSON.parse");
        assertThat(exception.frames(true).getFirst().function()).isEqualTo("JSON.parse");
        Frame app = exception.frames().get(3);
        assertThat(app.file()).isEqualTo("/app/send.mjs");
        assertThat(app.line()).isEqualTo(8);
        assertThat(app.column()).isEqualTo(12);
        assertThat(app.inApp()).isTrue();
        assertThat(exception.mechanism()).isEqualTo("generic");
        assertThat(exception.handled()).isTrue();
    }

    @Test
    void titlesContextsAndShowsTheirValues() {
        EventView view = EventView.of(FixtureEvents.body(FixtureEvents.NODE));

        assertThat(view.contexts()).extracting(EventView.Context::name).contains("runtime", "os", "device", "culture");
        EventView.Context os = view.contexts().stream().filter(c -> c.name().equals("os")).findFirst().orElseThrow();
        assertThat(os.title()).isEqualTo("OS");
        assertThat(os.values()).contains(new Pair("name", "Debian"), new Pair("kernel_version", "6.18.44-fc-v669"));
        assertThat(os.values()).extracting(Pair::key).doesNotContain("type");
        EventView.Context device = view.contexts().stream().filter(c -> c.name().equals("device")).findFirst()
                .orElseThrow();
        assertThat(device.title()).isEqualTo("Device");
        assertThat(device.values()).contains(new Pair("processor_count", "2"));
        assertThat(view.contexts()).filteredOn(c -> c.name().equals("cloud_resource")).isEmpty();
    }

    @Test
    void listsBreadcrumbsWithTheirCategories() {
        EventView view = EventView.of(FixtureEvents.body(FixtureEvents.BROWSER));

        assertThat(view.breadcrumbs()).hasSize(3);
        EventView.Breadcrumb xhr = view.breadcrumbs().getLast();
        assertThat(xhr.category()).isEqualTo("xhr");
        assertThat(xhr.type()).isEqualTo("http");
        // Normalization shifted the times for the SDK's clock drift; the gaps between them stay.
        assertThat(Duration.between(view.breadcrumbs().getFirst().timestamp(), xhr.timestamp()))
                .isEqualTo(Duration.ofMillis(546));
        assertThat(xhr.data()).isEqualTo(
                "method=GET, url=http://localhost:4201/sockjs-node/info?t=1595472877347, status_code=200");
        assertThat(view.breadcrumbs().get(1).message()).isEqualTo("body > app-root > ol > li > button");
        assertThat(view.breadcrumbCategories()).containsExactly("console", "ui.click", "xhr");
    }

    @Test
    void showsTheRequestWithQueryAndHeaders() {
        EventView.Request request = EventView.of(FixtureEvents.body(FixtureEvents.DJANGO)).request();

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.url()).isEqualTo("http://localhost:8001/divide-zero/");
        assertThat(request.query()).containsExactly(new Pair("foo", "bar"), new Pair("foo", "bars"),
                new Pair("lol", "ha"));
        assertThat(request.headers()).contains(new Pair("Host", "localhost:8001"),
                new Pair("Referer", "http://localhost:8001/"));
        assertThat(request.body()).isNull();
    }

    @Test
    void leavesOutWhatIsMissingOrOfAnotherType() {
        ObjectNode body = (ObjectNode) JsonMapper.shared().readTree("""
                {"exception": {"values": [7, {"type": ["x"], "mechanism": "m",
                   "stacktrace": {"frames": [3, {"lineno": "a", "pre_context": "x", "context_line": 4,
                                                 "vars": [1], "in_app": "yes"}]}}]},
                 "breadcrumbs": 5, "request": [], "contexts": {"os": "Linux", "gpu": {}}, "user": "bob",
                 "tags": [["a"], 3, ["k", "v"]], "extra": null, "sdk": {"name": 3},
                 "logentry": {"formatted": {"x": 1}}}""");

        EventView view = EventView.of(body);

        ExceptionView exception = view.exceptions().getFirst();
        assertThat(exception.type()).isNull();
        assertThat(exception.mechanism()).isNull();
        assertThat(exception.frames()).singleElement().satisfies(frame -> {
            assertThat(frame.line()).isNull();
            assertThat(frame.inApp()).isFalse();
            assertThat(frame.contextLines()).isEmpty();
            assertThat(frame.vars()).isEmpty();
        });
        assertThat(view.breadcrumbs()).isEmpty();
        assertThat(view.request()).isNull();
        assertThat(view.contexts()).isEmpty();
        assertThat(view.user()).isEmpty();
        assertThat(view.tags()).containsExactly(new Pair("k", "v"));
        assertThat(view.sdk()).isEqualTo(new EventView.Sdk("3", null));
        assertThat(view.message()).isNull();
        assertThat(EventView.of(null).exceptions()).isEmpty();
    }
}
