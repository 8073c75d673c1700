package dev.memberlist.agent;

import java.time.Duration;
import java.util.Map;

/**
 * Parses durations as Go's {@code time.ParseDuration} does ({@code 200ms}, {@code 1.5s}, {@code 1m30s},
 * {@code -2h}), step for step, so the agent takes exactly the flag values gopeer takes and reads them to
 * the same nanosecond; fractions go through a double, as in Go.
 */
final class GoDuration {

    private static final Map<String, Long> UNIT_NANOS = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L,
            "\u03bcs", 1_000L,
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    /**
     * @param text an optional sign, then numbers each with an optional fraction and a unit
     *     ({@code ns us µs ms s m h}); or {@code 0}
     * @return the duration
     * @throws IllegalArgumentException when the text is not a Go duration or does not fit in 64-bit nanoseconds
     */
    static Duration parse(String text) {
        int i = 0;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        if (text.substring(i).equals("0")) {
            return Duration.ZERO;
        }
        if (i == text.length()) {
            throw invalid(text);
        }
        long total = 0;
        try {
            while (i < text.length()) {
                int integerStart = i;
                long value = 0;
                while (i < text.length() && isDigit(text.charAt(i))) {
                    value = Math.addExact(Math.multiplyExact(value, 10), text.charAt(i++) - '0');
                }
                boolean hasInteger = i > integerStart;
                long fraction = 0;
                double scale = 1;
                boolean hasFraction = false;
                if (i < text.length() && text.charAt(i) == '.') {
                    int fractionStart = ++i;
                    boolean full = false;
                    while (i < text.length() && isDigit(text.charAt(i))) {
                        // As Go's leadingFraction: digits beyond 63 bits of precision are read and dropped.
                        int digit = text.charAt(i++) - '0';
                        if (!full && fraction <= (Long.MAX_VALUE - digit) / 10) {
                            fraction = fraction * 10 + digit;
                            scale *= 10;
                        } else {
                            full = true;
                        }
                    }
                    hasFraction = i > fractionStart;
                }
                if (!hasInteger && !hasFraction) {
                    throw invalid(text);
                }
                int unitStart = i;
                while (i < text.length() && text.charAt(i) != '.' && !isDigit(text.charAt(i))) {
                    i++;
                }
                if (unitStart == i) {
                    throw new IllegalArgumentException("missing unit in duration \"" + text + "\"");
                }
                Long unit = UNIT_NANOS.get(text.substring(unitStart, i));
                if (unit == null) {
                    throw new IllegalArgumentException("unknown unit \"" + text.substring(unitStart, i)
                            + "\" in duration \"" + text + "\"");
                }
                long nanos = Math.multiplyExact(value, unit);
                if (fraction > 0) {
                    nanos = Math.addExact(nanos, (long) (fraction * (unit / scale)));
                }
                total = Math.addExact(total, nanos);
            }
        } catch (ArithmeticException e) {
            throw invalid(text);
        }
        return Duration.ofNanos(negative ? -total : total);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration \"" + text + "\"");
    }
}
