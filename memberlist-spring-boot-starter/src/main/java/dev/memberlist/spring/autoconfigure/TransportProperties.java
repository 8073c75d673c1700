package dev.memberlist.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Where the node listens and how it is reached ({@code memberlist.transport.*}): one port for UDP
 * (gossip, probes) and TCP (push/pull, reliable messages, fallback pings).
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

    /** TCP: push/pull, reliable messages and fallback pings. */
    @NestedConfigurationProperty
    private final Tcp tcp = new Tcp();

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

    public Tcp getTcp() {
        return tcp;
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

        /** Mutual TLS for every stream (beyond Go: a cluster with TLS cannot include Go nodes). */
        @NestedConfigurationProperty
        private final Ssl ssl = new Ssl();

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

        public Ssl getSsl() {
            return ssl;
        }
    }

    /** TLS settings for streams. */
    public static class Ssl {

        /**
         * Name of the SSL bundle (spring.ssl.bundle.*) whose key and trust material secure every
         * stream with mutual TLS; its reloads rotate the certificates. Unset: plain TCP, as Go.
         */
        private @Nullable String bundle;

        public @Nullable String getBundle() {
            return bundle;
        }

        public void setBundle(@Nullable String bundle) {
            this.bundle = bundle;
        }
    }
}
