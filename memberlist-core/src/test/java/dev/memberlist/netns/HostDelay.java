package dev.memberlist.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The delay of one {@link NetworkLab} host's packets to the other hosts. The kernel has no netem, so
 * our delayer ({@link DelayerBinary}) runs in the host's namespace on a TUN device {@value #DEVICE}.
 * Policy routing sends what the host addresses to the lab subnet into the device (a rule of priority
 * {@value #DELAYED_PRIORITY} to table {@value #TABLE}); the delayer holds each packet and sends it on
 * unchanged through a raw socket marked {@value #MARK}, which a rule of priority
 * {@value #MARKED_PRIORITY} routes by the main table, out of {@code eth0}. Local addresses are looked up
 * first, so a host's traffic to itself is never delayed. {@link #stop()} removes both rules, then ends
 * the delayer by PID; the device goes with it.
 */
final class HostDelay {

    /** The TUN device the delayer reads. */
    static final String DEVICE = "delay0";
    private static final String MARK = "0x1";
    private static final String TABLE = "100";
    private static final String MARKED_PRIORITY = "100";
    private static final String DELAYED_PRIORITY = "200";
    private static final int NICENESS = -5;
    private static final Duration READY_WITHIN = Duration.ofSeconds(10);
    /** The delayer sends what it still holds before it exits, for at most 2 s. */
    private static final long EXIT_WITHIN_SECONDS = 5;

    private final LabHost host;
    private final Process delayer;
    private final Path log;

    private HostDelay(LabHost host, Process delayer, Path log) {
        this.host = host;
        this.delayer = delayer;
        this.log = log;
    }

    /**
     * Starts delaying a host's packets to the lab subnet.
     *
     * @param host the host
     * @param subnet the lab subnet ({@code 10.77.0.0/24})
     * @param delay how long to hold each packet, not {@link LinkDelay#NONE}
     * @return the delay, in force
     */
    static HostDelay start(LabHost host, String subnet, LinkDelay delay) {
        // A little ahead of the nodes for the CPU (it uses next to none), so a busy machine stretches
        // the delays less.
        List<String> command = new ArrayList<>(List.of("nice", "-n", String.valueOf(NICENESS),
                DelayerBinary.require().toString(), "-dev", DEVICE, "-mark", String.valueOf(Integer.decode(MARK))));
        command.addAll(delay.delayerFlags());
        Path log;
        Process delayer;
        try {
            log = LabProcess.log(host.namespace(), "delayer");
            delayer = LabProcess.start(host.namespace(), command, log, "ready " + DEVICE, READY_WITHIN);
        } catch (IOException e) {
            throw new UncheckedIOException("the delayer did not start on " + host.name(), e);
        }
        HostDelay hostDelay = new HostDelay(host, delayer, log);
        try {
            String namespace = host.namespace();
            NetworkLab.ip(namespace, "link", "set", DEVICE, "up");
            NetworkLab.ip(namespace, "route", "add", subnet, "dev", DEVICE, "table", TABLE);
            NetworkLab.ip(namespace, "rule", "add", "fwmark", MARK, "lookup", "main", "priority", MARKED_PRIORITY);
            NetworkLab.ip(namespace, "rule", "add", "to", subnet, "lookup", TABLE, "priority", DELAYED_PRIORITY);
            return hostDelay;
        } catch (RuntimeException e) {
            hostDelay.stop();
            throw e;
        }
    }

    /**
     * Routes the host's packets past the delayer again and ends it, printing its last words: the
     * packets it received, sent and dropped, and how late it sent them.
     */
    void stop() {
        System.out.printf("network lab: delay on %s ended: %s%n", host.name(), endDelayer());
    }

    private String endDelayer() {
        NetworkLab.tryIp(host.namespace(), "rule", "del", "priority", DELAYED_PRIORITY);
        NetworkLab.tryIp(host.namespace(), "rule", "del", "priority", MARKED_PRIORITY);
        delayer.destroy();
        try {
            if (!delayer.waitFor(EXIT_WITHIN_SECONDS, TimeUnit.SECONDS)) {
                delayer.destroyForcibly().waitFor(EXIT_WITHIN_SECONDS, TimeUnit.SECONDS);
            }
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "no output: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delayer.destroyForcibly();
            return "interrupted";
        }
    }
}
