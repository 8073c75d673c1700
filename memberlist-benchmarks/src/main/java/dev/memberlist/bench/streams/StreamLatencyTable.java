package dev.memberlist.bench.streams;

import java.util.List;
import java.util.Locale;

/** The results as a Markdown table, milliseconds and microseconds as they fit. */
final class StreamLatencyTable {

    private StreamLatencyTable() {
    }

    static String format(List<StreamLatencyResult> results, int inFlight) {
        StringBuilder table = new StringBuilder();
        table.append("| streams | members | request | first exchange, median (p99) | steady median | steady p99 | ")
                .append(inFlight).append(" in flight |\n");
        table.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (StreamLatencyResult r : results) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %s | %s (%s) | %s | %s | %,.0f/s |%n", r.setup().label(),
                    r.members(), bytes(r.requestBytes()), time(r.firstExchange().medianNanos()),
                    time(r.firstExchange().p99Nanos()), time(r.steady().medianNanos()), time(r.steady().p99Nanos()),
                    r.exchangesPerSecond()));
        }
        return table.toString();
    }

    private static String time(long nanos) {
        return nanos >= 1_000_000 ? String.format(Locale.ROOT, "%.2f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%d µs", nanos / 1000);
    }

    private static String bytes(int bytes) {
        return bytes >= 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0) : bytes + " B";
    }
}
