package dev.faultline.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

import static dev.faultline.event.TestEvents.CLIENT_IP;
import static dev.faultline.event.TestEvents.json;
import static dev.faultline.event.TestEvents.normalize;
import static org.assertj.core.api.Assertions.assertThat;

/** The request, the user and the contexts, including those read from the User-Agent. */
class RequestNormalizationTests {

    private static final String FIREFOX_ON_LINUX =
            "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:105.0) Gecko/20100101 Firefox/105.0";
    private static final String CHROME_ON_ANDROID = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/116.0.5845.163 Mobile Safari/537.36";

    @Test
    void turnsHeadersIntoSortedPairsWithCanonicalNames() {
        ObjectNode event = normalize("""
                {"request": {"headers": {"user-agent": "curl/8", "accept": ["a", "b"], "x-forwarded-for": "1.2.3.4",
                                         "content-length": 3, "empty": null}}}""");

        assertThat(event.at("/request/headers")).isEqualTo(json("""
                [["Accept", "a"], ["Accept", "b"], ["Content-Length", "3"], ["User-Agent", "curl/8"],
                 ["X-Forwarded-For", "1.2.3.4"]]"""));
    }

    @Test
    void keepsTheOrderOfHeadersSentAsPairs() {
        ObjectNode event = normalize("""
                {"request": {"headers": [["Host", "a"], ["accept", "b"], ["bad"], 5, {"key": "X-Id", "value": 1}]}}""");

        assertThat(event.at("/request/headers"))
                .isEqualTo(json("[[\"Host\", \"a\"], [\"Accept\", \"b\"], [\"X-Id\", \"1\"]]"));
    }

    @Test
    void splitsTheQueryAndFragmentOffTheUrl() {
        ObjectNode event = normalize("""
                {"request": {"url": "https://example.com/search?q=red+shoes&page=2&flag#results", "method": "get"}}""");

        assertThat(event.get("request")).isEqualTo(json("""
                {"url": "https://example.com/search", "method": "GET", "fragment": "results",
                 "query_string": [["q", "red shoes"], ["page", "2"], ["flag", ""]]}"""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "?a=1&b=%20x"        | [["a","1"],["b"," x"]]
            {"a": "1", "b": 2}  | [["a","1"],["b","2"]]
            [["a", "1"]]        | [["a","1"]]
            ""                  |
            """)
    void readsTheQueryStringAsPairs(String query, String expected) {
        ObjectNode event = normalize("{\"request\": {\"url\": \"https://example.com/\", \"query_string\": " + query
                + "}}");

        assertThat(event.at("/request/query_string").toString()).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void parsesTheCookieHeaderIntoCookies() {
        ObjectNode event = TestEvents.NORMALIZER.normalize(
                TestEvents.object("{\"request\": {\"headers\": {\"Cookie\": \"a=b; theme=dark\", \"Host\": \"h\"}}}"),
                new Received(null, TestEvents.RECEIVED_AT, null, null, false, false));

        assertThat(event.at("/request/cookies")).isEqualTo(json("[[\"a\", \"b\"], [\"theme\", \"dark\"]]"));
        assertThat(event.at("/request/headers")).isEqualTo(json("[[\"Host\", \"h\"]]"));
    }

    @Test
    void dropsAnEmptyCookieHeaderAsSentryDid() {
        ObjectNode event = normalize("{\"request\": {\"headers\": {\"Cookie\": \"\"}, \"query_string\": \"\"}}");

        assertThat(event.get("request")).isEqualTo(json("{}"));
    }

    @Test
    void parsesJsonAndFormBodies() {
        ObjectNode json = normalize("{\"request\": {\"data\": \"{\\\"item\\\": 7}\"}}");
        ObjectNode form = normalize("{\"request\": {\"data\": \"a=1&b=two\"}}");
        ObjectNode text = normalize("""
                {"request": {"data": "hello", "headers": {"Content-Type": "text/plain; charset=utf-8"}}}""");

        assertThat(json.at("/request/data")).isEqualTo(json("{\"item\": 7}"));
        assertThat(json.at("/request/inferred_content_type").stringValue()).isEqualTo("application/json");
        assertThat(form.at("/request/data")).isEqualTo(json("{\"a\": \"1\", \"b\": \"two\"}"));
        assertThat(text.at("/request/data").stringValue()).isEqualTo("hello");
        assertThat(text.at("/request/inferred_content_type").stringValue()).isEqualTo("text/plain");
    }

    @Test
    void resolvesAutoIpAddressesToTheClients() {
        ObjectNode event = normalize("""
                {"user": {"ip_address": "{{auto}}", "username": "u"},
                 "request": {"env": {"REMOTE_ADDR": "{{auto}}"}}}""");

        assertThat(event.at("/user/ip_address").stringValue()).isEqualTo(CLIENT_IP);
        assertThat(event.at("/request/env/REMOTE_ADDR").stringValue()).isEqualTo(CLIENT_IP);
    }

    @ParameterizedTest
    @CsvSource({"javascript, 203.0.113.9", "cocoa, 203.0.113.9", "python,", "java,"})
    void infersTheAddressOfBrowserAndMobileClientsOnly(String platform, String expected) {
        ObjectNode event = normalize("{\"platform\": \"" + platform + "\"}");

        assertThat(Json.string(event.at("/user/ip_address"))).isEqualTo(expected);
    }

    @Test
    void takesTheAddressFromRemoteAddr() {
        ObjectNode event = normalize("""
                {"platform": "python", "request": {"env": {"REMOTE_ADDR": "2001:db8::1"}}}""");

        assertThat(event.at("/user/ip_address").stringValue()).isEqualTo("2001:db8::1");
    }

    @Test
    void movesUnknownUserFieldsIntoDataAndDropsInvalidAddresses() {
        ObjectNode event = normalize("""
                {"user": {"id": 42, "ip_address": "example.com", "plan": "pro", "email": 5, "data": {"age": 3}}}""");

        assertThat(event.get("user")).isEqualTo(json("{\"id\": \"42\", \"data\": {\"age\": 3, \"plan\": \"pro\"}}"));
    }

    @Test
    void addsBrowserAndOsContextsFromFirefoxOnLinux() {
        ObjectNode event = normalize("{\"platform\": \"javascript\", \"request\": {\"headers\": {\"User-Agent\": \""
                + FIREFOX_ON_LINUX + "\"}}}");

        assertThat(event.get("contexts")).isEqualTo(json("""
                {"browser": {"name": "Firefox", "version": "105.0", "type": "browser", "browser": "Firefox 105.0"},
                 "os": {"name": "Ubuntu", "type": "os", "os": "Ubuntu"}}"""));
    }

    @Test
    void addsBrowserOsAndDeviceContextsFromChromeOnAndroid() {
        ObjectNode event = normalize("{\"platform\": \"javascript\", \"request\": {\"headers\": {\"User-Agent\": \""
                + CHROME_ON_ANDROID + "\"}}}");

        assertThat(event.get("contexts")).isEqualTo(json("""
                {"browser": {"name": "Chrome Mobile", "version": "116.0.5845", "type": "browser",
                             "browser": "Chrome Mobile 116.0.5845"},
                 "device": {"family": "Pixel 7", "model": "Pixel 7", "brand": "Google", "type": "device"},
                 "os": {"name": "Android", "version": "13", "type": "os", "os": "Android 13"}}"""));
        assertThat(event.get("tags").toString()).contains("[\"browser.name\",\"Chrome Mobile\"]",
                "[\"os.name\",\"Android\"]", "[\"device\",\"Pixel 7\"]", "[\"device.family\",\"Pixel 7\"]");
    }

    @Test
    void filesTheBrowsersOsAsClientOsForServerSdksAndKeepsTheirOwnContexts() {
        ObjectNode event = normalize("""
                {"platform": "node", "request": {"headers": {"User-Agent": "%s"}},
                 "contexts": {"os": {"name": "Debian", "version": "12.11\\n"}, "browser": {"name": "Custom"},
                              "runtime": {"name": "node", "version": "v20.20.2"}, "app": 5}}""".formatted(
                FIREFOX_ON_LINUX));

        assertThat(event.at("/contexts/os")).isEqualTo(json("""
                {"name": "Debian", "version": "12.11\\n", "type": "os", "os": "Debian 12.11\\n"}"""));
        assertThat(event.at("/contexts/client_os/name").stringValue()).isEqualTo("Ubuntu");
        assertThat(event.at("/contexts/browser")).isEqualTo(json("""
                {"name": "Custom", "type": "browser", "browser": "Custom"}"""));
        assertThat(event.at("/contexts/runtime/runtime").stringValue()).isEqualTo("node v20.20.2");
        assertThat(event.at("/contexts/app").isMissingNode()).isTrue();
    }

    @Test
    void readsOsAndRuntimeFromRawDescriptions() {
        ObjectNode event = normalize("""
                {"contexts": {"os": {"raw_description": "Linux 5.15.0 Ubuntu 22.04"},
                              "runtime": {"raw_description": ".NET Core 3.1.32"},
                              "win": {"type": "os", "raw_description": "Microsoft Windows NT 10.0.19045.0"}}}""");

        assertThat(event.at("/contexts/os/name").stringValue()).isEqualTo("Ubuntu");
        assertThat(event.at("/contexts/os/version").stringValue()).isEqualTo("22.04");
        assertThat(event.at("/contexts/os/kernel_version").stringValue()).isEqualTo("5.15.0");
        assertThat(event.at("/contexts/runtime/runtime").stringValue()).isEqualTo(".NET Core 3.1.32");
        assertThat(event.at("/contexts/win/os").stringValue()).isEqualTo("Windows 10.0.19045");
    }
}
