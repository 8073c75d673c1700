package dev.memberlist.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One datagram as received. The payload array is handed over to the receiver, not copied.
 */
public final class InboundPacket {

    private final byte[] payload;
    private final InetSocketAddress from;
    private final long receivedAtNanos;

    /**
     * @param payload the datagram's bytes (ownership passes to the packet)
     * @param from the sender's address
     * @param receivedAtNanos when it arrived, on the engine clock's time base
     */
    public InboundPacket(byte[] payload, InetSocketAddress from, long receivedAtNanos) {
        this.payload = Objects.requireNonNull(payload, "payload");
        this.from = Objects.requireNonNull(from, "from");
        this.receivedAtNanos = receivedAtNanos;
    }

    /** @return the datagram's bytes (not a copy; do not modify) */
    public byte[] payload() {
        return payload;
    }

    /** @return the sender's address */
    public InetSocketAddress from() {
        return from;
    }

    /** @return when it arrived, on the engine clock's time base */
    public long receivedAtNanos() {
        return receivedAtNanos;
    }
}
