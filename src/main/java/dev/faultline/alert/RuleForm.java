package dev.faultline.alert;

import java.util.List;

import dev.faultline.api.Problem;

/** The rule form's fields as typed, kept to show them again beside an error. */
record RuleForm(String name, String trigger, String quantity, String timespanMinutes, String minLevel,
        String environment, String cooldownMinutes) {

    static RuleForm blank() {
        return new RuleForm("", Trigger.NEW_ISSUE.value(), "10", "1", "", "",
                String.valueOf(RuleDraft.DEFAULT_COOLDOWN_MINUTES));
    }

    static RuleForm of(AlertRule rule) {
        return new RuleForm(rule.name(), rule.trigger().value(), text(rule.quantity()), text(rule.timespanMinutes()),
                rule.minLevel() == null ? "" : rule.minLevel().value(), rule.environment() == null ? ""
                : rule.environment(), String.valueOf(rule.cooldownMinutes()));
    }

    /** The checked rule; the counts matter only for a frequency rule, so they are left out of the others. */
    RuleDraft draft(List<RuleDraft.RecipientDraft> recipients) {
        Trigger chosen = Trigger.of(trigger);
        boolean counts = chosen == Trigger.FREQUENCY;
        Integer cooldown = number("cooldownMinutes", cooldownMinutes);
        return new RuleDraft(name, chosen, counts ? number("quantity", quantity) : null,
                counts ? number("timespanMinutes", timespanMinutes) : null,
                minLevel == null || minLevel.isBlank() ? null : AlertJson.level(minLevel), environment,
                cooldown == null ? RuleDraft.DEFAULT_COOLDOWN_MINUTES : cooldown, recipients);
    }

    private static Integer number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        }
        catch (NumberFormatException e) {
            throw Problem.badRequest(field, "'" + value + "' is not a positive whole number");
        }
    }

    private static String text(Integer value) {
        return value == null ? "" : String.valueOf(value);
    }
}
