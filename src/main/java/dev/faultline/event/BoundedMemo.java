package dev.faultline.event;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Results remembered per text, for rules digest applies to texts that repeat from one event to the next (field
 * names, a framework's module names). Bounded in entries and in key length, so that texts made up per event (ids as
 * keys) cannot push memory past it: once full, results are computed every time.
 */
final class BoundedMemo<V> {

    private final int maxEntries;
    private final int longestKey;
    private final Function<String, V> compute;
    private final Map<String, V> remembered = new ConcurrentHashMap<>();

    BoundedMemo(int maxEntries, int longestKey, Function<String, V> compute) {
        this.maxEntries = maxEntries;
        this.longestKey = longestKey;
        this.compute = compute;
    }

    V get(String key) {
        V known = remembered.get(key);
        if (known != null) {
            return known;
        }
        V result = compute.apply(key);
        if (key.length() <= longestKey && remembered.size() < maxEntries) {
            remembered.put(key, result);
        }
        return result;
    }
}
