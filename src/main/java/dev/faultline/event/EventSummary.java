package dev.faultline.event;

import tools.jackson.databind.node.ObjectNode;

/**
 * What an issue list shows for an event, computed as Sentry does.
 *
 * @param type {@code error}, {@code default}, {@code csp} or {@code transaction}
 * @param title the headline, e.g. {@code ZeroDivisionError: division by zero}
 * @param culprit where it happened: the transaction, or the crashing frame; may be empty, never null
 * @param metadata the parts the title was made of ({@code type}, {@code value}, {@code filename}, {@code function};
 *        {@code title} for messages; {@code directive}, {@code uri}, {@code message} for CSP reports)
 */
public record EventSummary(String type, String title, String culprit, ObjectNode metadata) {
}
