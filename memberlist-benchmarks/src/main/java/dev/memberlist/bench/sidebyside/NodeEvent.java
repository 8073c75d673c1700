package dev.memberlist.bench.sidebyside;

import dev.memberlist.interop.JsonReader;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One JSON line printed by a peer process: {@code {"event":"join","node":"p3",...,"t":1700000000310}}.
 *
 * @param from the index of the process that printed it
 * @param name the event's name ({@code ready}, {@code join}, {@code leave}, {@code suspect}, {@code stats}, ...)
 * @param millis the peer's own stamp {@code t}, unix milliseconds
 * @param fields every field of the line
 */
record NodeEvent(int from, String name, long millis, Map<String, Object> fields) {

    /** Copies the fields. */
    NodeEvent {
        fields = Map.copyOf(fields);
    }

    /**
     * @param from the index of the process that printed the line
     * @param line one line of its stdout
     * @return the event, or empty when the line is not a JSON object with a string {@code event} and a
     *         numeric {@code t} (a stray line from a library is skipped, not fatal)
     */
    static Optional<NodeEvent> parse(int from, String line) {
        Map<String, Object> fields;
        try {
            fields = JsonReader.object(line);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!(fields.get("event") instanceof String) || !(fields.get("t") instanceof Long)) {
            return Optional.empty();
        }
        fields.values().removeIf(Objects::isNull);
        return Optional.of(new NodeEvent(from, (String) fields.get("event"), (Long) fields.get("t"), fields));
    }

    /** @return the {@code node} field, or "" */
    String node() {
        return text("node");
    }

    /**
     * @param key a field name
     * @return its text, or "" when absent or not a string
     */
    String text(String key) {
        Object value = fields.get(key);
        return value instanceof String ? (String) value : "";
    }

    /**
     * @param key a field name
     * @return its number, when present and numeric
     */
    Optional<Long> number(String key) {
        Object value = fields.get(key);
        return value instanceof Long ? Optional.of((Long) value) : Optional.empty();
    }
}
