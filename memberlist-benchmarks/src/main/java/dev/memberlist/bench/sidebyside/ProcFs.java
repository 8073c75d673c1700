package dev.memberlist.bench.sidebyside;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads a process's CPU time and resident memory from Linux's {@code /proc}, the same source for Java,
 * Go and scalecube, whatever each one reports about itself.
 */
final class ProcFs {

    /** Linux's USER_HZ, the unit of utime and stime; 100 on every mainstream architecture. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcFs() {
    }

    /**
     * @param pid a live process
     * @return its CPU time, user and system, in milliseconds; empty when it is gone
     */
    static OptionalLong cpuMillis(long pid) {
        try {
            return OptionalLong.of(cpuMillisOfStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * @param pid a live process
     * @return its resident set size in bytes ({@code VmRSS}); empty when it is gone
     */
    static OptionalLong rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * @param stat the text of {@code /proc/PID/stat}
     * @return utime + stime in milliseconds (fields 14 and 15, counted after the command name in parentheses,
     *         which may itself hold spaces and parentheses)
     */
    static long cpuMillisOfStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / TICKS_PER_SECOND;
    }
}
