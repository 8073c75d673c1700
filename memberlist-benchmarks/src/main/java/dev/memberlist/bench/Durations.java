package dev.memberlist.bench;

import java.time.Duration;
import java.util.Locale;

/** Durations on the harnesses' command lines: {@code 500ms}, {@code 60s}, {@code 2m}. */
public final class Durations {

    private Durations() {
    }

    /**
     * @param value the text
     * @return the duration
     * @throws IllegalArgumentException without a unit or a whole number before it
     */
    public static Duration parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        throw new IllegalArgumentException("a duration needs a unit (ms, s or m): " + value);
    }
}
