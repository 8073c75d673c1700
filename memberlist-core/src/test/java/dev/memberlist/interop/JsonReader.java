package dev.memberlist.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict little JSON reader for the tests, so the agent's and gopeer's lines are checked to be real
 * JSON (escapes included) rather than matched with patterns. Numbers become {@code Long}.
 */
public final class JsonReader {

    private final String text;
    private int at;

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * @param line one line of output
     * @return the JSON object it holds, keys in order
     * @throws IllegalArgumentException when the line is not exactly one JSON object
     */
    public static Map<String, Object> object(String line) {
        JsonReader reader = new JsonReader(line.strip());
        Object value = reader.value();
        if (reader.at != reader.text.length() || !(value instanceof Map)) {
            throw new IllegalArgumentException("not one JSON object: " + line);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        return object;
    }

    private Object value() {
        char c = peek();
        if (c == '{') {
            return readObject();
        }
        if (c == '[') {
            return readArray();
        }
        if (c == '"') {
            return readString();
        }
        if (text.startsWith("true", at) || text.startsWith("false", at) || text.startsWith("null", at)) {
            String word = text.startsWith("true", at) ? "true" : text.startsWith("false", at) ? "false" : "null";
            at += word.length();
            return word.equals("null") ? null : Boolean.valueOf(word);
        }
        int start = at;
        if (c == '-') {
            at++;
        }
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (start == at) {
            throw error("value");
        }
        return Long.parseLong(text.substring(start, at));
    }

    private Map<String, Object> readObject() {
        Map<String, Object> object = new LinkedHashMap<>();
        expect('{');
        if (peek() == '}') {
            at++;
            return object;
        }
        do {
            String key = readString();
            expect(':');
            object.put(key, value());
        } while (next(',', '}') == ',');
        return object;
    }

    private List<Object> readArray() {
        List<Object> array = new ArrayList<>();
        expect('[');
        if (peek() == ']') {
            at++;
            return array;
        }
        do {
            array.add(value());
        } while (next(',', ']') == ',');
        return array;
    }

    private String readString() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("escaped control character");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escape = text.charAt(at++);
            switch (escape) {
                case 'u':
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case '"':
                case '\\':
                case '/':
                    out.append(escape);
                    break;
                default:
                    throw error("known escape");
            }
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("more input");
        }
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        at++;
    }

    private char next(char more, char end) {
        char c = peek();
        if (c != more && c != end) {
            throw error("'" + more + "' or '" + end + "'");
        }
        at++;
        return c;
    }

    private IllegalArgumentException error(String wanted) {
        return new IllegalArgumentException("expected " + wanted + " at " + at + " in " + text);
    }
}
