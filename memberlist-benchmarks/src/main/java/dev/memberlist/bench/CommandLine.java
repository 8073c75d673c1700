package dev.memberlist.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The harnesses' command lines: {@code --flag value} pairs, and durations such as {@code 500ms}, {@code 60s}, {@code 2m}. */
public final class CommandLine {

    private CommandLine() {
    }

    /**
     * @param args the command line
     * @return each flag with the value after it, in order
     * @throws IllegalArgumentException when the last flag has no value
     */
    public static List<Map.Entry<String, String>> flags(String... args) {
        List<Map.Entry<String, String>> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            flags.add(Map.entry(args[i], args[i + 1]));
        }
        return flags;
    }

    /**
     * @param value the text
     * @return the duration
     * @throws IllegalArgumentException without a unit or a whole number before it
     */
    public static Duration duration(String value) {
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
