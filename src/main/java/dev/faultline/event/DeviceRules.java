package dev.faultline.event;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ObjectNode;

/**
 * uap-core's device rules with brand and model, which relay puts in the device context and uap-java drops. A
 * missing family or model replacement means the first group; a missing brand means none.
 */
final class DeviceRules {

    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$(\\d)");

    private record Rule(Pattern pattern, String family, String brand, String model) {
    }

    private final List<Rule> rules;

    DeviceRules(List<Map<String, String>> definitions) {
        rules = definitions.stream()
                .map(definition -> new Rule(
                        Pattern.compile(definition.get("regex"),
                                "i".equals(definition.get("regex_flag")) ? Pattern.CASE_INSENSITIVE : 0),
                        definition.getOrDefault("device_replacement", "$1"),
                        definition.get("brand_replacement"),
                        definition.getOrDefault("model_replacement", "$1")))
                .toList();
    }

    /** The device context, or null for unknown devices and crawlers, which relay leaves out. */
    ObjectNode context(String userAgent) {
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(userAgent);
            if (matcher.find()) {
                String family = replace(rule.family(), matcher);
                if (family == null || family.equals("Other") || family.equals("Spider")) {
                    return null;
                }
                ObjectNode device = Json.NODES.objectNode();
                device.put("family", family);
                Json.putOrRemove(device, "model", replace(rule.model(), matcher));
                Json.putOrRemove(device, "brand", replace(rule.brand(), matcher));
                device.put("type", "device");
                return device;
            }
        }
        return null;
    }

    private static String replace(String replacement, Matcher matcher) {
        if (replacement == null) {
            return null;
        }
        Matcher references = GROUP_REFERENCE.matcher(replacement);
        StringBuilder out = new StringBuilder();
        while (references.find()) {
            int group = Integer.parseInt(references.group(1));
            String value = group <= matcher.groupCount() ? matcher.group(group) : null;
            references.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        references.appendTail(out);
        String result = out.toString().strip();
        return result.isEmpty() ? null : result;
    }
}
