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
                .append("| N | start | converge (virtual) | of which after last wave | wall s / virtual s")
                .append(" | CPU s / virtual s | packets / virtual s | gossip backlog per node | heap per member")
                .append(" | join spread (virtual) | dissemination bound | death spread (virtual) | death estimate")
                .append(" | death bound, unconfirmed | false deaths | whole run (wall) |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScaleResult r : results) {
            table.append(String.format(Locale.ROOT,
                    "| %,d | %s | %s | %s | %.2f | %.2f | %,d | %,d → %,d | %s | %s | %s | %s | %s | %s | %d | %s |%n",
                    r.nodes(), startColumn(r), converge(r, r.convergeVirtual()),
                    converge(r, r.convergeAfterRampVirtual()), r.wallPerVirtualSecond(), r.cpuPerVirtualSecond(),
                    r.packetsPerVirtualSecond(), r.backlogBefore(), r.backlogAfter(),
                    kibibytes(r.heapBytesPerMember()), seconds(r.joinSpreadVirtual()),
                    seconds(r.bounds().dissemination()), seconds(r.deathSpreadVirtual()),
                    seconds(r.bounds().deathSpread()), seconds(r.bounds().slowestDeathSpread()), r.falseDeaths(),
                    seconds(r.totalWall())));
        }
        return table.toString();
    }

    private static String startColumn(ScaleResult r) {
        return r.start() == ClusterStart.ROLLOUT ? "rollout, " + r.waves() + " waves" : r.start().toString();
    }

    private static String converge(ScaleResult r, Optional<Duration> duration) {
        return r.start() == ClusterStart.CONVERGED ? "–" : seconds(duration);
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
