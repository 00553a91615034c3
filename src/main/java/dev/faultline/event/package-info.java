/**
 * Digest: what happens to an event between the durable intake and its issue. Events are Jackson trees
 * ({@code tools.jackson.databind.node.ObjectNode}) in Sentry's event JSON.
 *
 * <h2>The normalized event</h2>
 * The normalizer turns whatever an SDK sent into one shape, which grouping, titles and storage rely on:
 * <ul>
 *   <li>{@code event_id}: 32 lower-case hexadecimal digits.</li>
 *   <li>{@code timestamp} and {@code received}: Unix seconds as JSON numbers (fractions allowed).</li>
 *   <li>{@code level}: one of {@code fatal}, {@code error}, {@code warning}, {@code info}, {@code debug}.</li>
 *   <li>{@code platform}: a string, {@code other} when the SDK sent none.</li>
 *   <li>{@code logentry}: absent, or an object with {@code formatted} (the text to show) and, when the SDK sent a
 *       template, {@code message} (the template) and {@code params}. A top-level {@code message} is folded into it
 *       and removed.</li>
 *   <li>{@code exception}: absent, or {@code {"values": [...]}} with at least one value; each value may have
 *       {@code type}, {@code value}, {@code module}, {@code mechanism} and {@code stacktrace}. As in Sentry, the
 *       outermost exception is the last value, its causes before it.</li>
 *   <li>{@code stacktrace}: a top-level stack trace only when there is no exception to hold it.</li>
 *   <li>{@code threads}: absent, or {@code {"values": [...]}}, each possibly with a {@code stacktrace}.</li>
 *   <li>A stacktrace is {@code {"frames": [...]}}, oldest call first, the crashing frame last. A frame may have
 *       {@code filename}, {@code abs_path}, {@code module}, {@code function}, {@code lineno}, {@code colno},
 *       {@code context_line}, {@code pre_context}, {@code post_context}, {@code in_app} (a boolean) and
 *       {@code vars}.</li>
 *   <li>{@code tags}: a list of {@code [key, value]} pairs of strings, keys and values at most 200 characters.</li>
 *   <li>{@code environment}: a string, {@code production} when the SDK sent none.</li>
 *   <li>{@code release}, {@code dist}, {@code transaction}, {@code logger}, {@code server_name}, {@code culprit}:
 *       strings when present.</li>
 *   <li>{@code user}: absent, or an object with {@code id}, {@code email}, {@code username}, {@code ip_address} ...</li>
 *   <li>{@code request}: absent, or an object with {@code url}, {@code method}, {@code query_string},
 *       {@code headers} (a list of {@code [name, value]} pairs), {@code cookies}, {@code data}, {@code env}.</li>
 *   <li>{@code contexts}: an object of objects ({@code browser}, {@code os}, {@code device}, {@code runtime},
 *       {@code trace} ...).</li>
 *   <li>{@code breadcrumbs}: absent, or {@code {"values": [...]}}, at most 100, the newest kept.</li>
 *   <li>{@code fingerprint}: absent, or a non-empty list of strings; {@code checksum}: absent or a string.</li>
 *   <li>{@code csp}: for browser security reports, the report's fields ({@code effective_directive},
 *       {@code blocked_uri}, {@code document_uri} ...) beside {@code "type": "csp"}.</li>
 * </ul>
 */
package dev.faultline.event;
