package dev.faultline.event;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** The outcome of a grouping rule: the values to hash, in order, and the components that explain them. */
record Grouped(List<String> values, ObjectNode components) {

    static Grouped of(String component, Part part, String hashedAs) {
        ObjectNode components = Json.object();
        components.set(component, part.toJson());
        return new Grouped(List.of(hashedAs), components);
    }
}
