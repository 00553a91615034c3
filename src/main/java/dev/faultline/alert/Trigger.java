package dev.faultline.alert;

import java.util.Arrays;

import dev.faultline.api.Problem;

/** What makes a rule notify: a new issue, a resolved issue that happens again, or N events in M minutes. */
enum Trigger {
    NEW_ISSUE("new_issue", "A new issue appears"),
    REGRESSION("regression", "A resolved issue regresses"),
    FREQUENCY("frequency", "An issue gets N events in M minutes");

    private final String value;
    private final String label;

    Trigger(String value, String label) {
        this.value = value;
        this.label = label;
    }

    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    static Trigger of(String value) {
        return Arrays.stream(values()).filter(trigger -> trigger.value.equals(value)).findFirst()
                .orElseThrow(() -> Problem.badRequest("trigger",
                        "trigger must be one of new_issue, regression, frequency"));
    }
}
