package dev.memberlist.sim;

import java.time.Duration;

/**
 * Best-effort user messages from one simulated node to another at a steady rate: every millisecond
 * of virtual time the sender's application hands its node the messages due by then. It runs on the
 * shared scheduler, not on the sender's node: like an application thread in production, whose
 * best-effort sends are encoded and written on that thread and cost the sender's engine nothing.
 */
public final class UserMessageLoad {

    private static final Duration TICK = Duration.ofMillis(1);

    private final SimCluster cluster;
    private final String from;
    private final String to;
    private final int perSecond;
    private final byte[] payload;
    private final long ticks;
    private long tick;
    private long sent;

    private UserMessageLoad(SimCluster cluster, String from, String to, int perSecond, byte[] payload, Duration length) {
        this.cluster = cluster;
        this.from = from;
        this.to = to;
        this.perSecond = perSecond;
        this.payload = payload.clone();
        this.ticks = length.dividedBy(TICK);
    }

    /**
     * Starts sending now.
     *
     * @param cluster the cluster
     * @param from the sending node
     * @param to the receiving node
     * @param perSecond messages a second
     * @param payload each message's bytes
     * @param length how long to send
     * @return the load, which counts what it sent
     */
    public static UserMessageLoad start(SimCluster cluster, String from, String to, int perSecond, byte[] payload,
                                        Duration length) {
        UserMessageLoad load = new UserMessageLoad(cluster, from, to, perSecond, payload, length);
        cluster.scheduler().later(TICK, load::tick);
        return load;
    }

    /** @return messages handed to the sender so far */
    public long sent() {
        return sent;
    }

    private void tick() {
        tick++;
        long due = tick * perSecond / 1000;
        for (; sent < due; sent++) {
            cluster.node(from).sendBestEffort(to, payload);
        }
        if (tick < ticks) {
            cluster.scheduler().later(TICK, this::tick);
        }
    }
}
