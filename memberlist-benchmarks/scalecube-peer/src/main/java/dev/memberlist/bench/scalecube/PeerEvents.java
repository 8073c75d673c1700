package dev.memberlist.bench.scalecube;

import java.io.PrintStream;

/**
 * Prints events as JSON lines, {@code {"event":NAME, key:value, ..., "t":unix_ms}}, the format of gopeer
 * and the memberlist agent. Values are strings or numbers. Thread-safe: one line is one print.
 */
final class PeerEvents {

    private final PrintStream out;

    PeerEvents(PrintStream out) {
        this.out = out;
    }

    /**
     * @param event the event name
     * @param keysAndValues alternating keys and values (a {@link Number} prints bare, anything else quoted)
     */
    void emit(String event, Object... keysAndValues) {
        StringBuilder line = new StringBuilder(64).append("{\"event\":");
        quote(line, event);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            line.append(',');
            quote(line, (String) keysAndValues[i]);
            line.append(':');
            Object value = keysAndValues[i + 1];
            if (value instanceof Number) {
                line.append(value);
            } else {
                quote(line, String.valueOf(value));
            }
        }
        line.append(",\"t\":").append(System.currentTimeMillis()).append('}');
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private static void quote(StringBuilder line, String text) {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20) {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        line.append('"');
    }
}
