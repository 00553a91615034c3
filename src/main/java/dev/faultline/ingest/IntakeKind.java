package dev.faultline.ingest;

import java.util.Arrays;

/** What an intake row holds, as its {@code kind} column numbers it. */
public enum IntakeKind {
    EVENT(1), TRANSACTION(2), SECURITY_REPORT(3), SPANS(4);

    private final int code;

    IntakeKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static IntakeKind of(int code) {
        return Arrays.stream(values()).filter(kind -> kind.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("intake kind " + code));
    }
}
