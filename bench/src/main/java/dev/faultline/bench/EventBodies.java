package dev.faultline.bench;

import java.util.Random;

/**
 * The JSON of the events in the mix, modelled on what the Java and JavaScript SDKs send (../shared/fixtures). Each
 * body is written without its {@code timestamp} and {@code event_id}, which are added at each send (see
 * {@link PreparedRequest}), so it ends with a comma inside the top-level object.
 *
 * <p>Errors group by their stack: one in-app frame and the exception type depend on the fingerprint number, so each
 * number is one issue under the default grouping (no {@code fingerprint} sent, as most SDK users do). Log messages
 * group by their message template, which carries the number.
 */
final class EventBodies {

    private static final String[] EXCEPTION_TYPES = {"IllegalStateException", "NullPointerException",
            "IllegalArgumentException", "SQLTransientConnectionException", "SocketTimeoutException",
            "OptimisticLockingFailureException", "NoSuchElementException", "UnsupportedOperationException"};
    private static final String[] FRAMEWORK_FRAMES = {
            "java.lang.Thread|run|Thread.java", "java.util.concurrent.ThreadPoolExecutor$Worker|run|ThreadPoolExecutor.java",
            "org.apache.tomcat.util.net.SocketProcessorBase|run|SocketProcessorBase.java",
            "org.apache.coyote.AbstractProtocol$ConnectionHandler|process|AbstractProtocol.java",
            "org.apache.coyote.http11.Http11Processor|service|Http11Processor.java",
            "org.apache.catalina.core.StandardWrapperValve|invoke|StandardWrapperValve.java",
            "org.apache.catalina.core.ApplicationFilterChain|doFilter|ApplicationFilterChain.java",
            "org.springframework.web.filter.OncePerRequestFilter|doFilter|OncePerRequestFilter.java",
            "org.springframework.security.web.FilterChainProxy|doFilterInternal|FilterChainProxy.java",
            "org.springframework.web.servlet.FrameworkServlet|service|FrameworkServlet.java",
            "org.springframework.web.servlet.DispatcherServlet|doDispatch|DispatcherServlet.java",
            "org.springframework.web.method.support.InvocableHandlerMethod|invokeForRequest|InvocableHandlerMethod.java",
            "java.lang.reflect.Method|invoke|Method.java",
            "org.springframework.aop.framework.ReflectiveMethodInvocation|proceed|ReflectiveMethodInvocation.java",
            "org.springframework.transaction.interceptor.TransactionInterceptor|invoke|TransactionInterceptor.java",
            "org.springframework.jdbc.core.JdbcTemplate|execute|JdbcTemplate.java",
            "com.zaxxer.hikari.pool.HikariProxyPreparedStatement|executeQuery|HikariProxyPreparedStatement.java",
            "org.postgresql.jdbc.PgPreparedStatement|executeWithFlags|PgPreparedStatement.java",
            "org.postgresql.core.v3.QueryExecutorImpl|execute|QueryExecutorImpl.java",
            "com.fasterxml.jackson.databind.ObjectMapper|readValue|ObjectMapper.java",
            "io.micrometer.observation.Observation|observe|Observation.java",
            "org.springframework.retry.support.RetryTemplate|doExecute|RetryTemplate.java"};
    private static final String[] APP_AREAS = {"order", "payment", "inventory", "shipping", "account", "search",
            "catalog", "checkout", "invoice", "notification"};
    private static final String[] REGIONS = {"eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-south-1"};
    private static final String[] TIERS = {"free", "team", "business", "enterprise"};
    private static final String[] BROWSERS = {"Chrome 131", "Firefox 133", "Safari 18.1", "Edge 131"};
    private static final String[] SPAN_OPS = {"db.sql.query", "http.client", "cache.get", "serialize", "template.render"};

    private final Random random;

    EventBodies(Random random) {
        this.random = random;
    }

    /** About 8 KB: one exception with 25 to 40 frames, 20 breadcrumbs, contexts, 5 tags, a release. */
    String error(int fingerprint) {
        var json = new StringBuilder(10_000);
        json.append("{\"platform\":\"java\",\"level\":\"error\",\"logger\":\"com.example.shop.")
                .append(area(fingerprint)).append(".Handler\",\"server_name\":\"web-").append(random.nextInt(12))
                .append("\",");
        exception(json, fingerprint, 25 + random.nextInt(16));
        breadcrumbs(json, 20, false);
        common(json, fingerprint);
        return json.toString();
    }

    /** About 50 KB: an error with 100 breadcrumbs, the HTTP request and a large {@code extra}. */
    String largeError(int fingerprint) {
        var json = new StringBuilder(56_000);
        json.append("{\"platform\":\"java\",\"level\":\"error\",\"logger\":\"com.example.shop.")
                .append(area(fingerprint)).append(".Handler\",\"server_name\":\"web-").append(random.nextInt(12))
                .append("\",");
        exception(json, fingerprint, 40);
        breadcrumbs(json, 100, true);
        json.append("\"request\":{\"method\":\"POST\",\"url\":\"https://shop.example.com/api/").append(area(fingerprint))
                .append("/").append(random.nextInt(100_000)).append("\",\"query_string\":\"expand=items&page=")
                .append(random.nextInt(50)).append("\",\"headers\":{");
        for (int i = 0; i < 20; i++) {
            json.append(i == 0 ? "" : ",").append("\"X-Header-").append(i).append("\":\"").append(text(60)).append('"');
        }
        json.append("},\"data\":{\"items\":[");
        for (int i = 0; i < 20; i++) {
            json.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(random.nextInt(1_000_000))
                    .append("\",\"quantity\":").append(1 + random.nextInt(9)).append(",\"note\":\"").append(text(80))
                    .append("\"}");
        }
        json.append("]}},\"extra\":{");
        for (int i = 0; i < 70; i++) {
            json.append(i == 0 ? "" : ",").append("\"state_").append(i).append("\":\"").append(text(220)).append('"');
        }
        json.append("},");
        common(json, fingerprint);
        return json.toString();
    }

    /** About 1.5 KB: a log message with parameters, as logging integrations send it. */
    String logMessage(int fingerprint) {
        var json = new StringBuilder(2_000);
        json.append("{\"platform\":\"java\",\"level\":\"warning\",\"logger\":\"com.example.shop.")
                .append(area(fingerprint)).append(".Jobs\",\"logentry\":{\"message\":\"Job ").append(word(fingerprint))
                .append(" gave up on %s after %d attempts\",\"params\":[\"").append(area(fingerprint)).append('-')
                .append(random.nextInt(100_000)).append("\",").append(1 + random.nextInt(5)).append("]},");
        breadcrumbs(json, 3, false);
        common(json, fingerprint);
        return json.toString();
    }

    /** About 6 KB: a transaction with 20 spans. */
    String transaction(int name, double startSeconds) {
        var json = new StringBuilder(7_000);
        String traceId = hex(32);
        String rootSpan = hex(16);
        json.append("{\"type\":\"transaction\",\"platform\":\"java\",\"transaction\":\"GET /api/")
                .append(APP_AREAS[name % APP_AREAS.length]).append("/").append(name).append("\",")
                .append("\"transaction_info\":{\"source\":\"route\"},\"contexts\":{\"trace\":{\"trace_id\":\"")
                .append(traceId).append("\",\"span_id\":\"").append(rootSpan)
                .append("\",\"op\":\"http.server\",\"status\":\"ok\"},\"runtime\":{\"name\":\"OpenJDK\",\"version\":\"21.0.5\"}},")
                .append("\"spans\":[");
        for (int i = 0; i < 20; i++) {
            double start = startSeconds + i * 0.004;
            json.append(i == 0 ? "" : ",").append("{\"trace_id\":\"").append(traceId).append("\",\"span_id\":\"")
                    .append(hex(16)).append("\",\"parent_span_id\":\"").append(rootSpan).append("\",\"op\":\"")
                    .append(SPAN_OPS[i % SPAN_OPS.length]).append("\",\"description\":\"SELECT o.id, o.status, o.total")
                    .append(" FROM orders o WHERE o.customer_id = ? AND o.created_at > ? LIMIT ").append(i + 10)
                    .append("\",\"start_timestamp\":").append(seconds(start)).append(",\"timestamp\":")
                    .append(seconds(start + 0.003)).append(",\"status\":\"ok\",\"data\":{\"db.system\":\"postgresql\"}}");
        }
        json.append("],");
        tagsAndRelease(json, name);
        sdk(json);
        return json.toString();
    }

    /** Framework frames first, then the in-app frames, which alone (as in Sentry's grouping) depend on the fingerprint. */
    private void exception(StringBuilder json, int fingerprint, int frames) {
        String type = EXCEPTION_TYPES[fingerprint % EXCEPTION_TYPES.length];
        json.append("\"exception\":{\"values\":[{\"type\":\"").append(type).append("\",\"value\":\"")
                .append(area(fingerprint)).append(" request ").append(random.nextInt(1_000_000))
                .append(" failed: upstream timeout after ").append(random.nextInt(5000))
                .append(" ms\",\"module\":\"java.lang\",\"mechanism\":{\"type\":\"UncaughtExceptionHandler\",\"handled\":false},")
                .append("\"stacktrace\":{\"frames\":[");
        int inApp = 8 + fingerprint % 5;
        for (int i = 0; i < frames - inApp; i++) {
            String[] frame = FRAMEWORK_FRAMES[i % FRAMEWORK_FRAMES.length].split("\\|");
            frame(json, frame[0], frame[1], frame[2], 100 + i * 7, false);
            json.append(',');
        }
        String area = area(fingerprint);
        for (int k = 0; k < inApp; k++) {
            String className = capitalized(area) + "Service" + (k % 5);
            String function = k == inApp - 1 ? "step" + fingerprint : "handle" + (k % 7);
            frame(json, "com.example.shop." + area + "." + className, function, className + ".java", 20 + k * 3, true);
            json.append(k == inApp - 1 ? "" : ",");
        }
        json.append("]}}]},");
    }

    private static void frame(StringBuilder json, String module, String function, String file, int line, boolean inApp) {
        json.append("{\"module\":\"").append(module).append("\",\"function\":\"").append(function)
                .append("\",\"filename\":\"").append(file).append("\",\"lineno\":").append(line)
                .append(",\"in_app\":").append(inApp).append('}');
    }

    private void breadcrumbs(StringBuilder json, int count, boolean withData) {
        json.append("\"breadcrumbs\":{\"values\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"timestamp\":").append(1_700_000_000 + i).append(".5,")
                    .append("\"type\":\"http\",\"category\":\"http.client\",\"level\":\"info\",\"message\":\"GET https://")
                    .append("inventory.internal/api/items/").append(random.nextInt(100_000)).append(" 200\"");
            if (withData) {
                json.append(",\"data\":{\"status_code\":200,\"reason\":\"").append(text(60)).append("\"}");
            }
            json.append('}');
        }
        json.append("]},");
    }

    private void common(StringBuilder json, int fingerprint) {
        json.append("\"contexts\":{\"os\":{\"name\":\"Linux\",\"version\":\"6.1.0-27-amd64\"},")
                .append("\"runtime\":{\"name\":\"OpenJDK\",\"version\":\"21.0.5\"},")
                .append("\"app\":{\"app_start_time\":\"2026-11-20T08:00:00Z\",\"app_name\":\"shop\"},")
                .append("\"trace\":{\"trace_id\":\"").append(hex(32)).append("\",\"span_id\":\"").append(hex(16))
                .append("\",\"op\":\"http.server\"}},\"user\":{\"id\":\"").append(random.nextInt(50_000))
                .append("\",\"ip_address\":\"10.1.").append(random.nextInt(256)).append('.').append(random.nextInt(256))
                .append("\"},");
        tagsAndRelease(json, fingerprint);
        sdk(json);
    }

    private void tagsAndRelease(StringBuilder json, int number) {
        json.append("\"tags\":{\"region\":\"").append(REGIONS[random.nextInt(REGIONS.length)])
                .append("\",\"tier\":\"").append(TIERS[random.nextInt(TIERS.length)])
                .append("\",\"browser\":\"").append(BROWSERS[random.nextInt(BROWSERS.length)])
                .append("\",\"shard\":\"").append(number % 16).append("\",\"feature\":\"")
                .append(random.nextBoolean() ? "new-checkout" : "classic").append("\"},")
                .append("\"release\":\"shop@2.").append(random.nextInt(4)).append(".0\",\"environment\":\"")
                .append(random.nextInt(10) == 0 ? "staging" : "production").append("\",");
    }

    private static void sdk(StringBuilder json) {
        json.append("\"sdk\":{\"name\":\"sentry.java.spring-boot.jakarta\",\"version\":\"8.62.0\",")
                .append("\"packages\":[{\"name\":\"maven:io.sentry:sentry\",\"version\":\"8.62.0\"}]},");
    }

    /**
     * The number as a word of letters past f: grouping, like Sentry's, replaces numbers and hexadecimal strings in a
     * message with placeholders, so a number alone would put every log message in one issue.
     */
    private static String word(int number) {
        var word = new StringBuilder();
        for (int rest = number; word.isEmpty() || rest > 0; rest /= 20) {
            word.append((char) ('g' + rest % 20));
        }
        return word.toString();
    }

    private static String area(int fingerprint) {
        return APP_AREAS[fingerprint % APP_AREAS.length];
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private String hex(int digits) {
        var hex = new StringBuilder(digits);
        while (hex.length() < digits) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    /** Words that compress about as well as real messages do. */
    private String text(int length) {
        var text = new StringBuilder(length + 12);
        while (text.length() < length) {
            text.append(APP_AREAS[random.nextInt(APP_AREAS.length)]).append(' ').append(random.nextInt(10_000)).append(' ');
        }
        text.setLength(length);
        return text.toString();
    }

    static String seconds(double epochSeconds) {
        long millis = Math.round(epochSeconds * 1000);
        return millis / 1000 + "." + String.format("%03d", millis % 1000);
    }
}
