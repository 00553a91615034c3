package dev.faultline.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.api.Problem;
import dev.faultline.event.Level;
import tools.jackson.databind.JsonNode;

/**
 * Rules in GlitchTip's API shape ({@code name}, {@code timespanMinutes}, {@code quantity}, {@code alertRecipients}
 * with {@code recipientType} and {@code url}), plus {@code trigger}, {@code minLevel}, {@code environment} and
 * {@code cooldownMinutes}. Without a {@code trigger}, a rule counts events, as GlitchTip's do.
 */
final class AlertJson {

    private AlertJson() {
    }

    static RuleDraft draft(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("Send the rule as a JSON object");
        }
        String trigger = text(body, "trigger");
        Integer cooldown = integer(body, "cooldownMinutes");
        String minLevel = text(body, "minLevel");
        return new RuleDraft(text(body, "name"), trigger == null ? Trigger.FREQUENCY : Trigger.of(trigger),
                integer(body, "quantity"), integer(body, "timespanMinutes"), minLevel == null ? null : level(minLevel),
                text(body, "environment"), cooldown == null ? RuleDraft.DEFAULT_COOLDOWN_MINUTES : cooldown,
                recipients(body.get("alertRecipients")));
    }

    /** Without secrets, webhook URLs show only their host: they carry credentials of their own. */
    static Map<String, Object> json(AlertRule rule, boolean withSecrets) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", String.valueOf(rule.id()));
        json.put("name", rule.name());
        json.put("trigger", rule.trigger().value());
        json.put("timespanMinutes", rule.timespanMinutes());
        json.put("quantity", rule.quantity());
        json.put("minLevel", rule.minLevel() == null ? null : rule.minLevel().value());
        json.put("environment", rule.environment());
        json.put("cooldownMinutes", rule.cooldownMinutes());
        json.put("uptime", false);
        json.put("alertRecipients", rule.recipients().stream().map(recipient -> {
            var item = new LinkedHashMap<String, Object>();
            item.put("id", String.valueOf(recipient.id()));
            item.put("recipientType", recipient.kind().value());
            item.put("url", recipient.url() == null ? "" : withSecrets ? recipient.url() : recipient.maskedUrl());
            if (withSecrets && recipient.secret() != null) {
                item.put("secret", recipient.secret());
            }
            return item;
        }).toList());
        json.put("dateCreated", rule.createdAt());
        return json;
    }

    private static List<RuleDraft.RecipientDraft> recipients(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw Problem.badRequest("alertRecipients", "alertRecipients must be a list");
        }
        List<RuleDraft.RecipientDraft> recipients = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw Problem.badRequest("alertRecipients", "each of alertRecipients must be an object");
            }
            RecipientKind kind = RecipientKind.of(text(item, "recipientType"));
            String url = text(item, "url");
            recipients.add(new RuleDraft.RecipientDraft(kind, kind.webhook() ? url : null, text(item, "secret")));
        }
        return recipients;
    }

    static Level level(String value) {
        for (Level level : Level.values()) {
            if (level.value().equals(value)) {
                return level;
            }
        }
        throw Problem.badRequest("minLevel", "minLevel must be one of debug, info, warning, error, fatal");
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw Problem.badRequest(field, field + " must be a string");
        }
        return value.stringValue();
    }

    private static Integer integer(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw Problem.badRequest(field, field + " must be a positive whole number");
        }
        return value.intValue();
    }
}
