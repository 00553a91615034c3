package dev.faultline.support;

import dev.faultline.config.InvalidSettingException;

/** Finds the bad setting behind a failed start, however deep Spring has wrapped it. */
public final class Failures {

    private Failures() {
    }

    public static InvalidSettingException invalidSetting(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("no InvalidSettingException behind " + failure, failure);
    }
}
