package dev.memberlist.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The fields of the {@code stats} event: the node's traffic, then the JVM's CPU time, heap in use and
 * live threads (gopeer reports goroutines there), then Lifeguard's health score.
 */
final class ProcessStats {

    private final CountingTransport traffic;

    ProcessStats(CountingTransport traffic) {
        this.traffic = traffic;
    }

    /**
     * @param health the node's current health score
     * @return alternating keys and values, in gopeer's order
     */
    Object[] fields(int health) {
        return new Object[] {
            "udp_pkts", traffic.udpPackets(),
            "udp_bytes", traffic.udpBytes(),
            "tcp_streams", traffic.tcpStreams(),
            "tcp_bytes", traffic.tcpBytes(),
            "cpu_ms", cpuMillis(),
            "heap_bytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
            "threads", ManagementFactory.getThreadMXBean().getThreadCount(),
            "health", health,
        };
    }

    /** @return CPU time of the whole process (all threads, user and system), or -1 where the JVM cannot tell */
    private static long cpuMillis() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            long nanos = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1_000_000;
        }
        return -1;
    }
}
