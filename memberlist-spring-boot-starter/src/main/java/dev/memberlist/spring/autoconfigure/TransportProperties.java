package dev.memberlist.spring.autoconfigure;

import dev.memberlist.transport.StreamLayer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Where the node listens and how it is reached ({@code memberlist.transport.*}): one port for UDP
 * (gossip, probes) and TCP (push/pull, reliable messages, fallback pings), or with QUIC streams a
 * second UDP port at the bind port + {@code quic.port-offset}.
 */
public class TransportProperties {

    /** Address to listen on for UDP and TCP: an IP address, or 0.0.0.0 / :: for all. */
    private @Nullable String bindAddress;

    /** Port to listen on for UDP and TCP, 0 to 65535; 0 picks a free one. */
    private @Nullable Integer bindPort;

    /** Address other nodes should use to reach this one, when it differs from the bound one (NAT, containers). */
    private @Nullable String advertiseAddress;

    /** Port other nodes should use to reach this one, 0 to 65535; 0 means the bound port. */
    private @Nullable Integer advertisePort;

    /** UDP: gossip and probes. */
    @NestedConfigurationProperty
    private final Udp udp = new Udp();

    /**
     * What carries push/pull, reliable messages and fallback pings: tcp (on the bind port, as Go) or
     * quic (on the bind port + quic.port-offset; needs memberlist.tls.bundle).
     */
    private @Nullable StreamLayer streams;

    /** TCP: push/pull, reliable messages and fallback pings; the timeout and limits apply to QUIC streams too. */
    @NestedConfigurationProperty
    private final Tcp tcp = new Tcp();

    /** QUIC streams. */
    @NestedConfigurationProperty
    private final Quic quic = new Quic();

    public @Nullable String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(@Nullable String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public @Nullable Integer getBindPort() {
        return bindPort;
    }

    public void setBindPort(@Nullable Integer bindPort) {
        this.bindPort = bindPort;
    }

    public @Nullable String getAdvertiseAddress() {
        return advertiseAddress;
    }

    public void setAdvertiseAddress(@Nullable String advertiseAddress) {
        this.advertiseAddress = advertiseAddress;
    }

    public @Nullable Integer getAdvertisePort() {
        return advertisePort;
    }

    public void setAdvertisePort(@Nullable Integer advertisePort) {
        this.advertisePort = advertisePort;
    }

    public Udp getUdp() {
        return udp;
    }

    public @Nullable StreamLayer getStreams() {
        return streams;
    }

    public void setStreams(@Nullable StreamLayer streams) {
        this.streams = streams;
    }

    public Tcp getTcp() {
        return tcp;
    }

    public Quic getQuic() {
        return quic;
    }

    /** UDP settings. */
    public static class Udp {

        /** Size of the largest packet built for gossip and piggybacking, 512B to 65507B. */
        private @Nullable DataSize bufferSize;

        /** UDP socket receive buffer to ask the operating system for, 64KB to 64MB. */
        private @Nullable DataSize receiveBufferSize;

        /** Number of inbound packets that may wait for the engine before new ones are dropped, 1 to 1048576. */
        private @Nullable Integer handoffQueueDepth;

        public @Nullable DataSize getBufferSize() {
            return bufferSize;
        }

        public void setBufferSize(@Nullable DataSize bufferSize) {
            this.bufferSize = bufferSize;
        }

        public @Nullable DataSize getReceiveBufferSize() {
            return receiveBufferSize;
        }

        public void setReceiveBufferSize(@Nullable DataSize receiveBufferSize) {
            this.receiveBufferSize = receiveBufferSize;
        }

        public @Nullable Integer getHandoffQueueDepth() {
            return handoffQueueDepth;
        }

        public void setHandoffQueueDepth(@Nullable Integer handoffQueueDepth) {
            this.handoffQueueDepth = handoffQueueDepth;
        }
    }

    /** TCP settings. */
    public static class Tcp {

        /** Deadline of a whole TCP exchange: connect, write and read; must be positive. */
        private @Nullable Duration timeout;

        /** Number of inbound TCP streams that may be open at once, 1 to 65536; more are refused. */
        private @Nullable Integer maxInboundStreams;

        /**
         * Bytes all inbound TCP streams together may buffer before any label or key check, 1MB to
         * 1024MB; a stream that needs more is closed.
         */
        private @Nullable DataSize inboundBufferSize;

        public @Nullable Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(@Nullable Duration timeout) {
            this.timeout = timeout;
        }

        public @Nullable Integer getMaxInboundStreams() {
            return maxInboundStreams;
        }

        public void setMaxInboundStreams(@Nullable Integer maxInboundStreams) {
            this.maxInboundStreams = maxInboundStreams;
        }

        public @Nullable DataSize getInboundBufferSize() {
            return inboundBufferSize;
        }

        public void setInboundBufferSize(@Nullable DataSize inboundBufferSize) {
            this.inboundBufferSize = inboundBufferSize;
        }
    }

    /** QUIC settings. */
    public static class Quic {

        /**
         * Distance from the bind port to the UDP port QUIC listens on, 1 to 65535; the same on every
         * node, so each knows every peer's QUIC port from its gossip address.
         */
        private @Nullable Integer portOffset;

        public @Nullable Integer getPortOffset() {
            return portOffset;
        }

        public void setPortOffset(@Nullable Integer portOffset) {
            this.portOffset = portOffset;
        }
    }
}
