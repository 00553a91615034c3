package dev.faultline.event;

import tools.jackson.databind.node.ObjectNode;

/**
 * One value considered for grouping: what went (or would have gone) into the hash, whether it did, and a hint when
 * it did not or was rewritten.
 */
record Part(String value, boolean contributes, String hint) {

    static Part of(String value) {
        return new Part(value, true, null);
    }

    Part ignored(String why) {
        return new Part(value, false, why);
    }

    Part rewritten(String newValue, String why) {
        return newValue.equals(value) ? this : new Part(newValue, contributes, why);
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object();
        if (value != null) {
            json.put("value", value);
        }
        json.put("contributes", contributes);
        if (hint != null) {
            json.put("hint", hint);
        }
        return json;
    }
}
