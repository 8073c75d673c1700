package dev.memberlist;

import dev.memberlist.delegate.AliveDelegate;
import dev.memberlist.delegate.CompositeDelegate;
import dev.memberlist.delegate.ConflictDelegate;
import dev.memberlist.delegate.Delegate;
import dev.memberlist.delegate.EventDelegate;
import dev.memberlist.delegate.MergeDelegate;
import dev.memberlist.delegate.PingDelegate;
import dev.memberlist.security.Keyring;
import dev.memberlist.transport.AddressResolver;
import dev.memberlist.transport.DnsAddressResolver;
import dev.memberlist.transport.StreamLayer;
import dev.memberlist.transport.tls.StreamTls;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every knob of a memberlist node, with Go's names and defaults (see the presets {@link #lan()},
 * {@link #wan()} and {@link #local()}). Immutable; build one with {@link Builder}, which validates
 * each value and names the bad one in an {@link InvalidConfigurationException}.
 *
 * @param name this node's unique name
 * @param bindAddress the address to listen on for UDP and TCP ({@code 0.0.0.0} for all IPv4, {@code ::} for all)
 * @param bindPort the port to listen on for UDP and TCP (QUIC streams: this + {@code quicPortOffset}); 0 picks a free one
 * @param advertiseAddress the address other nodes should use, when it differs from the bound one (NAT)
 * @param advertisePort the port other nodes should use; 0 means the bound port
 * @param label a label for every packet and stream (at most 255 bytes); nodes with other labels are ignored
 * @param skipInboundLabelCheck whether to accept unlabelled input as if it carried the label
 * @param protocolVersion the memberlist protocol version spoken, 1..5 (Go's default 2)
 * @param delegateProtocolVersion the application delegate's protocol version spoken
 * @param delegateProtocolMin the lowest delegate protocol version understood
 * @param delegateProtocolMax the highest delegate protocol version understood
 * @param tcpTimeout the deadline for a whole TCP exchange (connect, write, read)
 * @param indirectChecks how many nodes relay a probe when the direct ping fails
 * @param retransmitMult a broadcast is sent {@code retransmitMult × ceil(log10(n + 1))} times
 * @param suspicionMult the minimum suspicion timeout is {@code suspicionMult × max(1, log10(n)) × probeInterval}
 * @param suspicionMaxTimeoutMult the maximum suspicion timeout is this times the minimum
 * @param pushPullInterval the base period of anti-entropy push/pull; zero turns it off
 * @param probeInterval the period of failure-detection probes; zero turns probing off
 * @param probeTimeout how long to wait for a direct ack before asking relays
 * @param disableTcpPings whether to skip the TCP fallback ping
 * @param disableTcpPingsForNode nodes (by name) for which to skip the TCP fallback ping
 * @param awarenessMaxMultiplier the cap of Lifeguard's health multiplier (the score stays below it)
 * @param gossipInterval the period of gossip rounds; zero turns gossip off
 * @param gossipNodes how many nodes each gossip round sends to
 * @param gossipToTheDeadTime how long dead nodes still get gossip (so they can refute), and how long
 *     dead and left nodes are remembered
 * @param eagerGossip whether a node that has sent no gossip for a whole {@code gossipInterval} sends news
 *     at once instead of at its next gossip round; the rounds every interval run either way, and a push/pull
 *     merge's news waits for them. Not in Go, whose first hop of news waits for the next round (half an
 *     interval on average); off gives Go's timing
 * @param gossipVerifyIncoming whether to require encryption on input when a keyring is set
 * @param gossipVerifyOutgoing whether to encrypt output when a keyring is set
 * @param enableCompression whether to LZW-compress packets (when smaller) and streams
 * @param keyring the encryption keys; empty turns encryption off
 * @param handoffQueueDepth how many inbound datagrams may wait for the engine, and how many alive and how
 *     many other gossip or user messages may wait to be applied, before new ones are dropped; probe
 *     traffic is handled as soon as its datagram is decoded and never waits behind them
 * @param udpBufferSize the largest packet built for gossip and piggybacking
 * @param deadNodeReclaimTime after this long a dead node's name may move to a new address; zero never
 * @param requireNodeNames whether to refuse sending to an address without a node name
 * @param cidrsAllowed the networks nodes may come from; empty allows all
 * @param queueCheckInterval how often the broadcast queue depth is reported
 * @param reconnectInterval how often to try a push/pull with one node declared dead, so a cluster
 *     split by a partition joins up again after it heals; zero turns it off (Go's behaviour)
 * @param reconnectTimeout how long to keep trying a dead node
 * @param delegates the application's hooks
 * @param telemetry where measurements go
 * @param addressResolver turns seeds into addresses
 * @param udpReceiveBufferSize the UDP socket receive buffer to ask for, in bytes
 * @param maxInboundStreams how many inbound streams may be open at once; more are refused (with QUIC
 *     also the most streams one peer may open at once on its connection)
 * @param inboundStreamBufferSize how many bytes all inbound TCP streams together may buffer while their
 *     requests arrive, before any label or key check; a stream that needs more is closed. Keep it
 *     above the largest push/pull expected (Go's limit for one is 20 MiB)
 * @param streamTls mutual TLS for every stream (beyond Go: such a cluster cannot include Go nodes);
 *     empty for plain TCP, Go's way; required by {@link StreamLayer#QUIC}
 * @param streamLayer what carries streams: {@link StreamLayer#TCP} on the gossip port (Go's way), or
 *     {@link StreamLayer#QUIC} on UDP port {@code gossip port + quicPortOffset} (needs {@code streamTls})
 * @param quicPortOffset with {@link StreamLayer#QUIC}, the distance from the gossip port to the QUIC
 *     port, 1 by default; the same on every member, so each knows every peer's QUIC port from its
 *     gossip address. With {@code bindPort} 0 the transport picks a gossip port whose neighbour at
 *     this offset is free too
 */
public record MemberlistConfig(
        String name,
        String bindAddress,
        int bindPort,
        Optional<String> advertiseAddress,
        int advertisePort,
        String label,
        boolean skipInboundLabelCheck,
        int protocolVersion,
        int delegateProtocolVersion,
        int delegateProtocolMin,
        int delegateProtocolMax,
        Duration tcpTimeout,
        int indirectChecks,
        int retransmitMult,
        int suspicionMult,
        int suspicionMaxTimeoutMult,
        Duration pushPullInterval,
        Duration probeInterval,
        Duration probeTimeout,
        boolean disableTcpPings,
        Predicate<String> disableTcpPingsForNode,
        int awarenessMaxMultiplier,
        Duration gossipInterval,
        int gossipNodes,
        Duration gossipToTheDeadTime,
        boolean eagerGossip,
        boolean gossipVerifyIncoming,
        boolean gossipVerifyOutgoing,
        boolean enableCompression,
        Optional<Keyring> keyring,
        int handoffQueueDepth,
        int udpBufferSize,
        Duration deadNodeReclaimTime,
        boolean requireNodeNames,
        List<Cidr> cidrsAllowed,
        Duration queueCheckInterval,
        Duration reconnectInterval,
        Duration reconnectTimeout,
        CompositeDelegate delegates,
        Telemetry telemetry,
        AddressResolver addressResolver,
        int udpReceiveBufferSize,
        int maxInboundStreams,
        int inboundStreamBufferSize,
        Optional<StreamTls> streamTls,
        StreamLayer streamLayer,
        int quicPortOffset) {

    /** Metadata may be at most this many bytes (Go's {@code MetaMaxSize}). */
    public static final int META_MAX_SIZE = 512;
    /** A label may be at most this many bytes. */
    public static final int LABEL_MAX_SIZE = 255;
    /** The default port, for UDP and TCP. */
    public static final int DEFAULT_PORT = 7946;
    /**
     * The default {@link #quicPortOffset()}: QUIC listens right above the gossip port (7947 next to
     * 7946), one contiguous UDP range to open in a firewall.
     */
    public static final int DEFAULT_QUIC_PORT_OFFSET = 1;

    /**
     * Checks that nothing is missing; {@link Builder#build()} also checks every range.
     */
    public MemberlistConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(advertiseAddress, "advertiseAddress");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(tcpTimeout, "tcpTimeout");
        Objects.requireNonNull(pushPullInterval, "pushPullInterval");
        Objects.requireNonNull(probeInterval, "probeInterval");
        Objects.requireNonNull(probeTimeout, "probeTimeout");
        Objects.requireNonNull(disableTcpPingsForNode, "disableTcpPingsForNode");
        Objects.requireNonNull(gossipInterval, "gossipInterval");
        Objects.requireNonNull(gossipToTheDeadTime, "gossipToTheDeadTime");
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(deadNodeReclaimTime, "deadNodeReclaimTime");
        cidrsAllowed = List.copyOf(cidrsAllowed);
        Objects.requireNonNull(queueCheckInterval, "queueCheckInterval");
        Objects.requireNonNull(reconnectInterval, "reconnectInterval");
        Objects.requireNonNull(reconnectTimeout, "reconnectTimeout");
        Objects.requireNonNull(delegates, "delegates");
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(addressResolver, "addressResolver");
        Objects.requireNonNull(streamTls, "streamTls");
        Objects.requireNonNull(streamLayer, "streamLayer");
    }

    /**
     * Go's {@code DefaultLANConfig}: tuned for a local network (1 s probes, 200 ms gossip, 30 s push/pull).
     *
     * @return a builder holding the LAN defaults
     */
    public static Builder lan() {
        return new Builder();
    }

    /**
     * Go's {@code DefaultWANConfig}: slower probes and gossip for higher latency.
     *
     * @return a builder holding the WAN defaults
     */
    public static Builder wan() {
        return new Builder()
                .tcpTimeout(Duration.ofSeconds(30))
                .suspicionMult(6)
                .pushPullInterval(Duration.ofSeconds(60))
                .probeTimeout(Duration.ofSeconds(3))
                .probeInterval(Duration.ofSeconds(5))
                .gossipNodes(4)
                .gossipInterval(Duration.ofMillis(500))
                .gossipToTheDeadTime(Duration.ofSeconds(60));
    }

    /**
     * Go's {@code DefaultLocalConfig}: fast timings for nodes on one machine or a fast local network.
     * It sends each broadcast only {@code 2 × ceil(log10(n + 1))} times, so news such as a new node
     * often misses a node, which then learns it from a push/pull, every 15 s with a random peer: in
     * simulations of a node joining six others, a third of the joins reached the last node only that
     * way, and the slowest of 400 took 42 s. Raise {@code retransmitMult} where that matters.
     *
     * @return a builder holding the local defaults
     */
    public static Builder local() {
        return new Builder()
                .tcpTimeout(Duration.ofSeconds(1))
                .indirectChecks(1)
                .retransmitMult(2)
                .suspicionMult(3)
                .pushPullInterval(Duration.ofSeconds(15))
                .probeTimeout(Duration.ofMillis(200))
                .probeInterval(Duration.ofSeconds(1))
                .gossipInterval(Duration.ofMillis(100))
                .gossipToTheDeadTime(Duration.ofSeconds(15));
    }

    /** @return a builder holding this configuration's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return whether packets and streams are encrypted (a keyring is set) */
    public boolean encryptionEnabled() {
        return keyring.isPresent();
    }

    /** @return the versions this node advertises */
    public ProtocolVersions advertisedVersions() {
        return ProtocolVersions.advertised(protocolVersion, delegateProtocolMin, delegateProtocolMax,
                delegateProtocolVersion);
    }

    /** Builds a {@link MemberlistConfig}; starts from the LAN defaults. Not thread-safe. */
    public static final class Builder {
        private String name = HostName.local();
        private String bindAddress = "0.0.0.0";
        private int bindPort = DEFAULT_PORT;
        private Optional<String> advertiseAddress = Optional.empty();
        private int advertisePort;
        private String label = "";
        private boolean skipInboundLabelCheck;
        private int protocolVersion = ProtocolVersions.PROTOCOL_DEFAULT;
        private int delegateProtocolVersion;
        private int delegateProtocolMin;
        private int delegateProtocolMax;
        private Duration tcpTimeout = Duration.ofSeconds(10);
        private int indirectChecks = 3;
        private int retransmitMult = 4;
        private int suspicionMult = 4;
        private int suspicionMaxTimeoutMult = 6;
        private Duration pushPullInterval = Duration.ofSeconds(30);
        private Duration probeInterval = Duration.ofSeconds(1);
        private Duration probeTimeout = Duration.ofMillis(500);
        private boolean disableTcpPings;
        private Predicate<String> disableTcpPingsForNode = node -> false;
        private int awarenessMaxMultiplier = 8;
        private Duration gossipInterval = Duration.ofMillis(200);
        private int gossipNodes = 3;
        private Duration gossipToTheDeadTime = Duration.ofSeconds(30);
        private boolean eagerGossip = true;
        private boolean gossipVerifyIncoming = true;
        private boolean gossipVerifyOutgoing = true;
        private boolean enableCompression = true;
        private Optional<Keyring> keyring = Optional.empty();
        private int handoffQueueDepth = 1024;
        private int udpBufferSize = 1400;
        private Duration deadNodeReclaimTime = Duration.ZERO;
        private boolean requireNodeNames;
        private List<Cidr> cidrsAllowed = List.of();
        private Duration queueCheckInterval = Duration.ofSeconds(30);
        private Duration reconnectInterval = Duration.ofSeconds(30);
        private Duration reconnectTimeout = Duration.ofHours(24);
        private CompositeDelegate delegates = CompositeDelegate.none();
        private Telemetry telemetry = Telemetry.NOOP;
        private AddressResolver addressResolver = DnsAddressResolver.INSTANCE;
        private int udpReceiveBufferSize = 2 * 1024 * 1024;
        private int maxInboundStreams = 128;
        private int inboundStreamBufferSize = 64 * 1024 * 1024;
        private Optional<StreamTls> streamTls = Optional.empty();
        private StreamLayer streamLayer = StreamLayer.TCP;
        private int quicPortOffset = DEFAULT_QUIC_PORT_OFFSET;

        private Builder() {
        }

        private Builder(MemberlistConfig c) {
            name = c.name;
            bindAddress = c.bindAddress;
            bindPort = c.bindPort;
            advertiseAddress = c.advertiseAddress;
            advertisePort = c.advertisePort;
            label = c.label;
            skipInboundLabelCheck = c.skipInboundLabelCheck;
            protocolVersion = c.protocolVersion;
            delegateProtocolVersion = c.delegateProtocolVersion;
            delegateProtocolMin = c.delegateProtocolMin;
            delegateProtocolMax = c.delegateProtocolMax;
            tcpTimeout = c.tcpTimeout;
            indirectChecks = c.indirectChecks;
            retransmitMult = c.retransmitMult;
            suspicionMult = c.suspicionMult;
            suspicionMaxTimeoutMult = c.suspicionMaxTimeoutMult;
            pushPullInterval = c.pushPullInterval;
            probeInterval = c.probeInterval;
            probeTimeout = c.probeTimeout;
            disableTcpPings = c.disableTcpPings;
            disableTcpPingsForNode = c.disableTcpPingsForNode;
            awarenessMaxMultiplier = c.awarenessMaxMultiplier;
            gossipInterval = c.gossipInterval;
            gossipNodes = c.gossipNodes;
            gossipToTheDeadTime = c.gossipToTheDeadTime;
            eagerGossip = c.eagerGossip;
            gossipVerifyIncoming = c.gossipVerifyIncoming;
            gossipVerifyOutgoing = c.gossipVerifyOutgoing;
            enableCompression = c.enableCompression;
            keyring = c.keyring;
            handoffQueueDepth = c.handoffQueueDepth;
            udpBufferSize = c.udpBufferSize;
            deadNodeReclaimTime = c.deadNodeReclaimTime;
            requireNodeNames = c.requireNodeNames;
            cidrsAllowed = c.cidrsAllowed;
            queueCheckInterval = c.queueCheckInterval;
            reconnectInterval = c.reconnectInterval;
            reconnectTimeout = c.reconnectTimeout;
            delegates = c.delegates;
            telemetry = c.telemetry;
            addressResolver = c.addressResolver;
            udpReceiveBufferSize = c.udpReceiveBufferSize;
            maxInboundStreams = c.maxInboundStreams;
            inboundStreamBufferSize = c.inboundStreamBufferSize;
            streamTls = c.streamTls;
            streamLayer = c.streamLayer;
            quicPortOffset = c.quicPortOffset;
        }

        /** @param value see {@link MemberlistConfig#name()} @return this builder */
        public Builder name(String value) { name = value; return this; }
        /** @param value see {@link MemberlistConfig#bindAddress()} @return this builder */
        public Builder bindAddress(String value) { bindAddress = value; return this; }
        /** @param value see {@link MemberlistConfig#bindPort()} @return this builder */
        public Builder bindPort(int value) { bindPort = value; return this; }
        /** @param value see {@link MemberlistConfig#advertiseAddress()}; null or empty for none @return this builder */
        public Builder advertiseAddress(String value) {
            advertiseAddress = Optional.ofNullable(value).filter(v -> !v.isEmpty());
            return this;
        }
        /** @param value see {@link MemberlistConfig#advertisePort()} @return this builder */
        public Builder advertisePort(int value) { advertisePort = value; return this; }
        /** @param value see {@link MemberlistConfig#label()} @return this builder */
        public Builder label(String value) { label = value; return this; }
        /** @param value see {@link MemberlistConfig#skipInboundLabelCheck()} @return this builder */
        public Builder skipInboundLabelCheck(boolean value) { skipInboundLabelCheck = value; return this; }
        /** @param value see {@link MemberlistConfig#protocolVersion()} @return this builder */
        public Builder protocolVersion(int value) { protocolVersion = value; return this; }
        /** @param value see {@link MemberlistConfig#delegateProtocolVersion()} @return this builder */
        public Builder delegateProtocolVersion(int value) { delegateProtocolVersion = value; return this; }
        /** @param value see {@link MemberlistConfig#delegateProtocolMin()} @return this builder */
        public Builder delegateProtocolMin(int value) { delegateProtocolMin = value; return this; }
        /** @param value see {@link MemberlistConfig#delegateProtocolMax()} @return this builder */
        public Builder delegateProtocolMax(int value) { delegateProtocolMax = value; return this; }
        /** @param value see {@link MemberlistConfig#tcpTimeout()} @return this builder */
        public Builder tcpTimeout(Duration value) { tcpTimeout = value; return this; }
        /** @param value see {@link MemberlistConfig#indirectChecks()} @return this builder */
        public Builder indirectChecks(int value) { indirectChecks = value; return this; }
        /** @param value see {@link MemberlistConfig#retransmitMult()} @return this builder */
        public Builder retransmitMult(int value) { retransmitMult = value; return this; }
        /** @param value see {@link MemberlistConfig#suspicionMult()} @return this builder */
        public Builder suspicionMult(int value) { suspicionMult = value; return this; }
        /** @param value see {@link MemberlistConfig#suspicionMaxTimeoutMult()} @return this builder */
        public Builder suspicionMaxTimeoutMult(int value) { suspicionMaxTimeoutMult = value; return this; }
        /** @param value see {@link MemberlistConfig#pushPullInterval()} @return this builder */
        public Builder pushPullInterval(Duration value) { pushPullInterval = value; return this; }
        /** @param value see {@link MemberlistConfig#probeInterval()} @return this builder */
        public Builder probeInterval(Duration value) { probeInterval = value; return this; }
        /** @param value see {@link MemberlistConfig#probeTimeout()} @return this builder */
        public Builder probeTimeout(Duration value) { probeTimeout = value; return this; }
        /** @param value see {@link MemberlistConfig#disableTcpPings()} @return this builder */
        public Builder disableTcpPings(boolean value) { disableTcpPings = value; return this; }
        /** @param value see {@link MemberlistConfig#disableTcpPingsForNode()} @return this builder */
        public Builder disableTcpPingsForNode(Predicate<String> value) { disableTcpPingsForNode = value; return this; }
        /** @param value see {@link MemberlistConfig#awarenessMaxMultiplier()} @return this builder */
        public Builder awarenessMaxMultiplier(int value) { awarenessMaxMultiplier = value; return this; }
        /** @param value see {@link MemberlistConfig#gossipInterval()} @return this builder */
        public Builder gossipInterval(Duration value) { gossipInterval = value; return this; }
        /** @param value see {@link MemberlistConfig#gossipNodes()} @return this builder */
        public Builder gossipNodes(int value) { gossipNodes = value; return this; }
        /** @param value see {@link MemberlistConfig#gossipToTheDeadTime()} @return this builder */
        public Builder gossipToTheDeadTime(Duration value) { gossipToTheDeadTime = value; return this; }
        /** @param value see {@link MemberlistConfig#eagerGossip()} @return this builder */
        public Builder eagerGossip(boolean value) { eagerGossip = value; return this; }
        /** @param value see {@link MemberlistConfig#gossipVerifyIncoming()} @return this builder */
        public Builder gossipVerifyIncoming(boolean value) { gossipVerifyIncoming = value; return this; }
        /** @param value see {@link MemberlistConfig#gossipVerifyOutgoing()} @return this builder */
        public Builder gossipVerifyOutgoing(boolean value) { gossipVerifyOutgoing = value; return this; }
        /** @param value see {@link MemberlistConfig#enableCompression()} @return this builder */
        public Builder enableCompression(boolean value) { enableCompression = value; return this; }
        /** @param value see {@link MemberlistConfig#keyring()}; null for none @return this builder */
        public Builder keyring(Keyring value) { keyring = Optional.ofNullable(value); return this; }
        /**
         * Go's {@code SecretKey}: encrypts with a keyring holding this one key.
         *
         * @param key a 16, 24 or 32-byte AES key
         * @return this builder
         */
        public Builder secretKey(byte[] key) { keyring = Optional.of(Keyring.of(key)); return this; }
        /** @param value see {@link MemberlistConfig#handoffQueueDepth()} @return this builder */
        public Builder handoffQueueDepth(int value) { handoffQueueDepth = value; return this; }
        /** @param value see {@link MemberlistConfig#udpBufferSize()} @return this builder */
        public Builder udpBufferSize(int value) { udpBufferSize = value; return this; }
        /** @param value see {@link MemberlistConfig#deadNodeReclaimTime()} @return this builder */
        public Builder deadNodeReclaimTime(Duration value) { deadNodeReclaimTime = value; return this; }
        /** @param value see {@link MemberlistConfig#requireNodeNames()} @return this builder */
        public Builder requireNodeNames(boolean value) { requireNodeNames = value; return this; }
        /** @param value see {@link MemberlistConfig#cidrsAllowed()} @return this builder */
        public Builder cidrsAllowed(List<Cidr> value) { cidrsAllowed = value; return this; }
        /** @param value see {@link MemberlistConfig#queueCheckInterval()} @return this builder */
        public Builder queueCheckInterval(Duration value) { queueCheckInterval = value; return this; }
        /** @param value see {@link MemberlistConfig#reconnectInterval()} @return this builder */
        public Builder reconnectInterval(Duration value) { reconnectInterval = value; return this; }
        /** @param value see {@link MemberlistConfig#reconnectTimeout()} @return this builder */
        public Builder reconnectTimeout(Duration value) { reconnectTimeout = value; return this; }
        /** @param value all delegates at once, replacing any set before @return this builder */
        public Builder delegates(CompositeDelegate value) { delegates = Objects.requireNonNull(value); return this; }
        /** @param value metadata, user messages, broadcasts and user state @return this builder */
        public Builder delegate(Delegate value) { delegates = delegates.toBuilder().delegate(value).build(); return this; }
        /** @param value membership events @return this builder */
        public Builder events(EventDelegate value) { delegates = delegates.toBuilder().events(value).build(); return this; }
        /** @param value name-conflict notifications @return this builder */
        public Builder conflict(ConflictDelegate value) { delegates = delegates.toBuilder().conflict(value).build(); return this; }
        /** @param value the merge filter @return this builder */
        public Builder merge(MergeDelegate value) { delegates = delegates.toBuilder().merge(value).build(); return this; }
        /** @param value the alive filter @return this builder */
        public Builder alive(AliveDelegate value) { delegates = delegates.toBuilder().alive(value).build(); return this; }
        /** @param value ack payloads and round-trip times @return this builder */
        public Builder ping(PingDelegate value) { delegates = delegates.toBuilder().ping(value).build(); return this; }
        /** @param value see {@link MemberlistConfig#telemetry()} @return this builder */
        public Builder telemetry(Telemetry value) { telemetry = value; return this; }
        /** @param value see {@link MemberlistConfig#addressResolver()} @return this builder */
        public Builder addressResolver(AddressResolver value) { addressResolver = value; return this; }
        /** @param value see {@link MemberlistConfig#udpReceiveBufferSize()} @return this builder */
        public Builder udpReceiveBufferSize(int value) { udpReceiveBufferSize = value; return this; }
        /** @param value see {@link MemberlistConfig#maxInboundStreams()} @return this builder */
        public Builder maxInboundStreams(int value) { maxInboundStreams = value; return this; }
        /** @param value see {@link MemberlistConfig#inboundStreamBufferSize()} @return this builder */
        public Builder inboundStreamBufferSize(int value) { inboundStreamBufferSize = value; return this; }
        /** @param value see {@link MemberlistConfig#streamTls()}; null for plain TCP @return this builder */
        public Builder streamTls(StreamTls value) { streamTls = Optional.ofNullable(value); return this; }
        /** @param value see {@link MemberlistConfig#streamLayer()} @return this builder */
        public Builder streamLayer(StreamLayer value) { streamLayer = value; return this; }
        /** @param value see {@link MemberlistConfig#quicPortOffset()} @return this builder */
        public Builder quicPortOffset(int value) { quicPortOffset = value; return this; }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws InvalidConfigurationException naming the first value out of range
         */
        public MemberlistConfig build() {
            return ConfigValidation.validate(new MemberlistConfig(name, bindAddress, bindPort, advertiseAddress, advertisePort, label,
                    skipInboundLabelCheck, protocolVersion, delegateProtocolVersion, delegateProtocolMin,
                    delegateProtocolMax, tcpTimeout, indirectChecks, retransmitMult, suspicionMult,
                    suspicionMaxTimeoutMult, pushPullInterval, probeInterval, probeTimeout, disableTcpPings,
                    disableTcpPingsForNode, awarenessMaxMultiplier, gossipInterval, gossipNodes, gossipToTheDeadTime,
                    eagerGossip, gossipVerifyIncoming, gossipVerifyOutgoing, enableCompression, keyring, handoffQueueDepth,
                    udpBufferSize, deadNodeReclaimTime, requireNodeNames, cidrsAllowed, queueCheckInterval,
                    reconnectInterval, reconnectTimeout, delegates, telemetry, addressResolver, udpReceiveBufferSize, maxInboundStreams,
                    inboundStreamBufferSize, streamTls, streamLayer, quicPortOffset));
        }
    }
}
