package dev.faultline.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

import static dev.faultline.event.TestEvents.json;
import static dev.faultline.event.TestEvents.normalize;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code message} and {@code logentry}, and formatting templates with their parameters. */
class MessageNormalizationTests {

    @Test
    void foldsAStringMessageIntoTheLogEntry() {
        ObjectNode event = normalize("{\"message\": \"hello from python\"}");

        assertThat(event.get("logentry")).isEqualTo(json("{\"formatted\": \"hello from python\"}"));
        assertThat(event.has("message")).isFalse();
    }

    @Test
    void formatsAMessageObjectWithNamedParameters() {
        ObjectNode event = normalize("""
                {"message": {"message": "Here is a new {foo}", "params": {"foo": "error"}}}""");

        assertThat(event.get("logentry")).isEqualTo(json("""
                {"formatted": "Here is a new error", "message": "Here is a new {foo}", "params": {"foo": "error"}}"""));
    }

    @Test
    void prefersTheLogEntryOverTheLegacyMessage() {
        ObjectNode event = normalize("""
                {"message": "legacy", "logentry": {"message": "This is a warning: %s", "params": ["warning"]}}""");

        assertThat(event.at("/logentry/formatted").stringValue()).isEqualTo("This is a warning: warning");
        assertThat(event.at("/logentry/message").stringValue()).isEqualTo("This is a warning: %s");
        assertThat(event.has("message")).isFalse();
    }

    @Test
    void keepsAFormattedTextTheSdkSent() {
        ObjectNode event = normalize("""
                {"logentry": {"message": "Hi %s", "params": ["a"], "formatted": "Hi there"}}""");

        assertThat(event.at("/logentry/formatted").stringValue()).isEqualTo("Hi there");
        assertThat(event.at("/logentry/message").stringValue()).isEqualTo("Hi %s");
    }

    @Test
    void showsATemplateWithoutParametersAsItIs() {
        ObjectNode event = normalize("{\"logentry\": {\"message\": \"100%s done {}\"}}");

        assertThat(event.get("logentry")).isEqualTo(json("{\"formatted\": \"100%s done {}\"}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Hello %s and %s               | ["a", "b"]                 | Hello a and b
            %d items at %.2f each (%r)    | [3, 1.5, "x"]              | 3 items at 1.50 each ('x')
            %(user)s logged in %(count)d  | {"user": "ann", "count": 2} | ann logged in 2
            100%% of %s                   | ["tests"]                  | 100% of tests
            Hello %s                      | "world"                    | Hello world
            Hello {} and {}               | ["a", "b"]                 | Hello a and b
            Hello {1} and {0}             | ["a", "b"]                 | Hello b and a
            Here is a new {foo}           | {"foo": "error"}           | Here is a new error
            {{literal}} {}                | [true]                     | {literal} True
            Value {} of {}                | [null, 2]                  | Value None of 2
            """)
    void formatsPrintfAndBraceTemplates(String template, String params, String formatted) {
        ObjectNode event = normalize("{\"logentry\": {\"message\": \"" + template + "\", \"params\": " + params + "}}");

        assertThat(event.at("/logentry/formatted").stringValue()).isEqualTo(formatted);
        assertThat(event.at("/logentry/message").stringValue()).isEqualTo(template);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Hello %s and %s  | ["a"]
            Count %d         | ["many"]
            Hello {name}     | ["a"]
            Hello {2}        | ["a"]
            """)
    void showsTheTemplateWhenItsParametersDoNotFit(String template, String params) {
        ObjectNode event = normalize("{\"logentry\": {\"message\": \"" + template + "\", \"params\": " + params + "}}");

        assertThat(event.at("/logentry/formatted").stringValue()).isEqualTo(template);
        assertThat(event.at("/logentry/message").isMissingNode()).isTrue();
        assertThat(event.at("/logentry/params").isArray()).isTrue();
    }

    @Test
    void cutsMessagesTo8192Characters() {
        ObjectNode event = normalize("{\"message\": \"" + "x".repeat(20_000) + "\"}");

        String formatted = event.at("/logentry/formatted").stringValue();
        assertThat(formatted).hasSize(8192).endsWith("...");
    }

    @Test
    void dropsALogEntryWithoutText() {
        ObjectNode event = normalize("{\"logentry\": {\"params\": [1]}, \"message\": {}}");

        assertThat(event.has("logentry")).isFalse();
        assertThat(event.has("message")).isFalse();
    }
}
