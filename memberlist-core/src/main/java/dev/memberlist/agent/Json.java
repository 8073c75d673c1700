package dev.memberlist.agent;

import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the agent's events, written by hand so the core needs no JSON library. Strings
 * are escaped as Go's {@code encoding/json} escapes them (HTML characters and line separators included),
 * so a line from the agent and one from gopeer carrying the same text are the same bytes.
 */
final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /**
     * @param text any string
     * @return the string as a JSON string literal, quotes included
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        appendString(out, text);
        return out.toString();
    }

    /**
     * Appends a value: a {@link String}, {@link Boolean}, {@link Number}, a {@link List} of values, a
     * {@link Map} of string keys to values (in the map's order), or {@code null}.
     *
     * @param out where to append
     * @param value the value
     * @throws IllegalArgumentException for any other type
     */
    static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            appendString(out, (String) value);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof List) {
            out.append('[');
            String separator = "";
            for (Object item : (List<?>) value) {
                out.append(separator);
                appendValue(out, item);
                separator = ",";
            }
            out.append(']');
        } else if (value instanceof Map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                out.append(separator);
                appendString(out, (String) entry.getKey());
                out.append(':');
                appendValue(out, entry.getValue());
                separator = ",";
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    appendOther(out, text, i, c);
            }
        }
        out.append('"');
    }

    private static void appendOther(StringBuilder out, String text, int i, char c) {
        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                    .append(HEX[c & 0xf]);
        } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
            out.append(c);
        } else if (Character.isSurrogate(c)) {
            // An unpaired surrogate cannot be encoded in UTF-8; Go writes U+FFFD for invalid text too.
            out.append("\\ufffd");
        } else {
            out.append(c);
        }
    }
}
