package dev.memberlist.bench.sidebyside;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How busy the whole machine was while the harness ran: the share of all cores not idle, from the
 * first line of {@code /proc/stat}, and the load averages at the start and the end. On a shared machine
 * this tells how much of the time went to others.
 */
final class MachineLoad {

    private final long busyStart;
    private final long totalStart;
    private final String loadStart;

    private MachineLoad(long busy, long total, String load) {
        this.busyStart = busy;
        this.totalStart = total;
        this.loadStart = load;
    }

    /** @return a mark at the start */
    static MachineLoad start() {
        long[] busyTotal = busyAndTotal();
        return new MachineLoad(busyTotal[0], busyTotal[1], loadAverage());
    }

    /** @return e.g. "all cores 71 % busy over the run; load average 3.1 at the start, 2.7 at the end" */
    String describe() {
        long[] now = busyAndTotal();
        long total = now[1] - totalStart;
        String busy = total <= 0 ? "?" : String.format(Locale.ROOT, "%.0f", 100.0 * (now[0] - busyStart) / total);
        return "all " + Runtime.getRuntime().availableProcessors() + " cores " + busy
                + " % busy over the run (/proc/stat, everything on the machine); 1-minute load average " + loadStart
                + " at the start, " + loadAverage() + " at the end";
    }

    /** @return the machine: CPU model, cores, memory, kernel */
    static String machine() {
        String model = "?";
        String memory = "?";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024 * 1024) + " GiB").findFirst().orElse("?");
        } catch (IOException | RuntimeException e) {
            // Unknown parts stay "?".
        }
        return model + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static long[] busyAndTotal() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).strip().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
