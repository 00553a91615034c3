package dev.faultline.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.node.ObjectNode;
import ua_parser.OS;
import ua_parser.OSParser;
import ua_parser.Parser;
import ua_parser.UserAgent;
import ua_parser.UserAgentParser;

/**
 * Browser, OS and device contexts from the request's User-Agent, as relay derives them with the uap-core rules.
 * Loading the rules takes a while (so it waits for the first User-Agent, off the start-up path), and one instance
 * serves all events; parsing is thread-safe, and its results for recent User-Agents are kept.
 */
final class UserAgents {

    /**
     * Real User-Agents are a few hundred characters; parsing runs about a thousand rules over the string, so longer
     * ones are cut first.
     */
    static final int MAX_USER_AGENT_CHARS = 1024;

    /** What one User-Agent gives; a context is null when the rules recognize nothing. */
    private record Parsed(ObjectNode browser, ObjectNode device, ObjectNode os) {
    }

    /** Most events come from a few thousand browsers; running the rules once for each saves most of the work. */
    private final Cache<String, Parsed> recent = Caffeine.newBuilder().maximumSize(10_000).build();

    /** The uap-core rules: about a thousand regular expressions, loaded when the first User-Agent comes. */
    private record Rules(UserAgentParser browsers, OSParser systems, DeviceRules devices) {

        @SuppressWarnings("unchecked")
        static Rules load() {
            // uap-java's Parser reads the bundled rules but keeps only a device's family; reading them here also
            // gives the device rules, with brand and model.
            Map<String, List<Map<String, String>>> rules;
            try (InputStream in = Parser.class.getResourceAsStream("/ua_parser/regexes.yaml")) {
                rules = new Yaml(new SafeConstructor(Parser.getDefaultLoaderOptions())).load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Rules(UserAgentParser.fromList(rules.get("user_agent_parsers")),
                    OSParser.fromList(rules.get("os_parsers")), new DeviceRules(rules.get("device_parsers")));
        }
    }

    private volatile Rules rules;

    /** Adds the contexts the SDK did not send itself. */
    void addContexts(ObjectNode event, ObjectNode contexts) {
        String userAgent = Requests.header(Json.object(event.get("request")), "User-Agent");
        if (userAgent == null || userAgent.isBlank()) {
            return;
        }
        if (userAgent.length() > MAX_USER_AGENT_CHARS) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT_CHARS);
        }
        Parsed parsed = recent.get(userAgent, this::parse);
        addIfMissing(contexts, "browser", parsed.browser());
        addIfMissing(contexts, "device", parsed.device());
        // A server SDK's "os" is the server's; relay files the browser's as "client_os" then.
        addIfMissing(contexts, "javascript".equals(Json.string(event.get("platform"))) ? "os" : "client_os",
                parsed.os());
    }

    private static void addIfMissing(ObjectNode contexts, String key, ObjectNode context) {
        if (context != null && !contexts.has(key)) {
            contexts.set(key, context.deepCopy());
        }
    }

    private Parsed parse(String userAgent) {
        Rules rules = rules();
        UserAgent browser = rules.browsers().parse(userAgent);
        OS os = rules.systems().parse(userAgent);
        return new Parsed(
                browser == null || "Other".equals(browser.family) ? null
                        : context("browser", browser.family, version(browser.major, browser.minor, browser.patch)),
                rules.devices().context(userAgent),
                os == null || "Other".equals(os.family) ? null : context("os", os.family, osVersion(os)));
    }

    private Rules rules() {
        Rules loaded = rules;
        if (loaded == null) {
            synchronized (this) {
                loaded = rules;
                if (loaded == null) {
                    rules = loaded = Rules.load();
                }
            }
        }
        return loaded;
    }

    private static ObjectNode context(String type, String name, String version) {
        ObjectNode context = Json.NODES.objectNode();
        context.put("name", name);
        Json.putOrRemove(context, "version", version);
        context.put("type", type);
        return context;
    }

    /** User-Agents froze at Windows 10 and macOS 10.15.7, so relay marks those versions as lower bounds. */
    private static String osVersion(OS os) {
        String version = version(os.major, os.minor, os.patch);
        if ("Windows".equals(os.family) && "10".equals(version)
                || "Mac OS X".equals(os.family) && "10.15.7".equals(version)) {
            return ">=" + version;
        }
        return version;
    }

    private static String version(String major, String minor, String patch) {
        if (major == null || major.isEmpty()) {
            return null;
        }
        StringJoiner version = new StringJoiner(".");
        version.add(major);
        if (minor != null && !minor.isEmpty()) {
            version.add(minor);
            if (patch != null && !patch.isEmpty()) {
                version.add(patch);
            }
        }
        return version.toString();
    }
}
