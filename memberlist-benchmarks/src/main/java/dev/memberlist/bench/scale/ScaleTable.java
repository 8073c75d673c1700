package dev.memberlist.bench.scale;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Formats harness results as the Markdown table of BENCHMARKS.md. */
final class ScaleTable {

    private ScaleTable() {
    }

    /**
     * @param results one row per cluster size
     * @return the table, header included
     */
    static String format(List<ScaleResult> results) {
        StringBuilder table = new StringBuilder()
                .append("| N | join waves | converge (virtual) | of which after last wave | dissemination bound")
                .append(" | death spread (virtual) | death bound | false deaths | wall s / virtual s")
                .append(" | CPU s / virtual s | packets / virtual s | gossip backlog per node | heap per member |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScaleResult r : results) {
            table.append(String.format(Locale.ROOT, "| %,d | %d | %s | %s | %s | %s | %s | %d | %.2f | %.2f | %,d | %,d → %,d | %s |%n",
                    r.nodes(), r.waves(), seconds(r.convergeVirtual()), seconds(r.convergeAfterRampVirtual()),
                    seconds(r.bounds().dissemination()), seconds(r.deathSpreadVirtual()),
                    seconds(r.bounds().deathSpread()), r.falseDeaths(), r.wallPerVirtualSecond(), r.cpuPerVirtualSecond(),
                    r.packetsPerVirtualSecond(), r.backlogBefore(), r.backlogAfter(),
                    kibibytes(r.heapBytesPerMember())));
        }
        return table.toString();
    }

    private static String seconds(Optional<Duration> duration) {
        return duration.map(ScaleTable::seconds).orElse("not reached");
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String kibibytes(long bytes) {
        return String.format(Locale.ROOT, "%,d KiB", bytes / 1024);
    }
}
