package dev.faultline.event;

import tools.jackson.databind.JsonNode;

/**
 * Which issue an event belongs to, and why.
 *
 * @param hash       32 lower-case hexadecimal digits; events with the same hash are one issue
 * @param method     the rule that decided: {@code checksum}, {@code fingerprint} or {@code default}
 * @param components the values that were considered, each with whether it contributed to the hash and, when it
 *                   did not or was rewritten, a hint saying why
 */
public record Grouping(String hash, String method, JsonNode components) {
}
