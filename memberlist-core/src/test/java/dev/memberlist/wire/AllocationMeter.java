package dev.memberlist.wire;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bytes allocated by the current thread, from HotSpot's per-thread allocation counter: a sanity
 * bound on what decoding one input costs in memory, independent of when garbage is collected.
 */
final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    /** Skips the calling test on a JVM that cannot count allocations per thread. */
    static void assumeSupported() {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is not available on this JVM");
    }

    /** @return the bytes the current thread has allocated since it started */
    static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
