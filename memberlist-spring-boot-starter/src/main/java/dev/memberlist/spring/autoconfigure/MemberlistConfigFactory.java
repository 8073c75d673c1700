package dev.memberlist.spring.autoconfigure;

import dev.memberlist.Cidr;
import dev.memberlist.InvalidConfigurationException;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.security.Keyring;
import dev.memberlist.spring.diagnostics.InvalidSecretKeyException;
import dev.memberlist.spring.metadata.NodeMetadata;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns {@link MemberlistProperties} into a {@link MemberlistConfig.Builder}: the profile's preset,
 * then every property that was set. Remembers which properties it applied, so that a knob the core
 * rejects is reported as the {@code memberlist.*} property that set it.
 */
final class MemberlistConfigFactory {

    private static final String PREFIX = "memberlist.";

    /**
     * The property of each {@code MemberlistConfig} knob, without the prefix. Two booleans are the
     * knob's opposite, so that properties say what is enabled: {@code probe.tcp-fallback.enabled} is
     * {@code !disableTcpPings} and {@code cluster.inbound-label-required} is {@code !skipInboundLabelCheck}.
     */
    static final Map<String, String> PROPERTY_OF_KNOB = Map.ofEntries(
            Map.entry("name", "name"),
            Map.entry("bindAddress", "transport.bind-address"),
            Map.entry("bindPort", "transport.bind-port"),
            Map.entry("advertiseAddress", "transport.advertise-address"),
            Map.entry("advertisePort", "transport.advertise-port"),
            Map.entry("udpBufferSize", "transport.udp.buffer-size"),
            Map.entry("udpReceiveBufferSize", "transport.udp.receive-buffer-size"),
            Map.entry("handoffQueueDepth", "transport.udp.handoff-queue-depth"),
            Map.entry("tcpTimeout", "transport.tcp.timeout"),
            Map.entry("maxInboundStreams", "transport.tcp.max-inbound-streams"),
            Map.entry("inboundStreamBufferSize", "transport.tcp.inbound-buffer-size"),
            Map.entry("streamTls", "tls.bundle"),
            Map.entry("streamLayer", "transport.streams"),
            Map.entry("quicPortOffset", "transport.quic.port-offset"),
            Map.entry("probeInterval", "probe.interval"),
            Map.entry("probeTimeout", "probe.timeout"),
            Map.entry("indirectChecks", "probe.indirect-checks"),
            Map.entry("awarenessMaxMultiplier", "probe.awareness-max-multiplier"),
            Map.entry("disableTcpPings", "probe.tcp-fallback.enabled"),
            Map.entry("disableTcpPingsForNode", "probe.tcp-fallback.excluded-nodes"),
            Map.entry("suspicionMult", "suspicion.multiplier"),
            Map.entry("suspicionMaxTimeoutMult", "suspicion.max-timeout-multiplier"),
            Map.entry("gossipInterval", "gossip.interval"),
            Map.entry("gossipNodes", "gossip.nodes"),
            Map.entry("retransmitMult", "gossip.retransmit-multiplier"),
            Map.entry("gossipToTheDeadTime", "gossip.to-the-dead-time"),
            Map.entry("eagerGossip", "gossip.eager"),
            Map.entry("queueCheckInterval", "gossip.queue-check-interval"),
            Map.entry("pushPullInterval", "push-pull.interval"),
            Map.entry("keyring", "encryption.secret-keys"),
            Map.entry("gossipVerifyIncoming", "encryption.verify-incoming"),
            Map.entry("gossipVerifyOutgoing", "encryption.verify-outgoing"),
            Map.entry("enableCompression", "compression.enabled"),
            Map.entry("label", "cluster.label"),
            Map.entry("skipInboundLabelCheck", "cluster.inbound-label-required"),
            Map.entry("cidrsAllowed", "cluster.allowed-cidrs"),
            Map.entry("requireNodeNames", "cluster.require-node-names"),
            Map.entry("deadNodeReclaimTime", "cluster.dead-node-reclaim-time"),
            Map.entry("protocolVersion", "protocol.version"),
            Map.entry("delegateProtocolVersion", "protocol.delegate-version"),
            Map.entry("delegateProtocolMin", "protocol.delegate-min"),
            Map.entry("delegateProtocolMax", "protocol.delegate-max"),
            Map.entry("reconnectInterval", "reconnect.interval"),
            Map.entry("reconnectTimeout", "reconnect.timeout"));
    private static final Set<Integer> AES_KEY_SIZES = Set.of(16, 24, 32);

    private final MemberlistProperties properties;
    private final Map<String, Object> applied = new HashMap<>();

    MemberlistConfigFactory(MemberlistProperties properties) {
        this.properties = properties;
    }

    /** @return a builder holding the profile's preset overridden by every property set */
    MemberlistConfig.Builder builder() {
        MemberlistProperties p = properties;
        MemberlistConfig.Builder b = preset(p.getProfile());
        set("name", p.getName(), b::name);
        TransportProperties transport = p.getTransport();
        set("bindAddress", transport.getBindAddress(), b::bindAddress);
        set("bindPort", transport.getBindPort(), b::bindPort);
        set("advertiseAddress", transport.getAdvertiseAddress(), b::advertiseAddress);
        set("advertisePort", transport.getAdvertisePort(), b::advertisePort);
        set("udpBufferSize", bytes("udpBufferSize", transport.getUdp().getBufferSize()), b::udpBufferSize);
        set("udpReceiveBufferSize", bytes("udpReceiveBufferSize", transport.getUdp().getReceiveBufferSize()),
                b::udpReceiveBufferSize);
        set("handoffQueueDepth", transport.getUdp().getHandoffQueueDepth(), b::handoffQueueDepth);
        set("tcpTimeout", transport.getTcp().getTimeout(), b::tcpTimeout);
        set("maxInboundStreams", transport.getTcp().getMaxInboundStreams(), b::maxInboundStreams);
        set("inboundStreamBufferSize", bytes("inboundStreamBufferSize", transport.getTcp().getInboundBufferSize()),
                b::inboundStreamBufferSize);
        set("streamLayer", transport.getStreams(), b::streamLayer);
        set("quicPortOffset", transport.getQuic().getPortOffset(), b::quicPortOffset);
        ProbeProperties probe = p.getProbe();
        set("probeInterval", probe.getInterval(), b::probeInterval);
        set("probeTimeout", probe.getTimeout(), b::probeTimeout);
        set("indirectChecks", probe.getIndirectChecks(), b::indirectChecks);
        set("awarenessMaxMultiplier", probe.getAwarenessMaxMultiplier(), b::awarenessMaxMultiplier);
        set("disableTcpPings", probe.getTcpFallback().getEnabled(), enabled -> b.disableTcpPings(!enabled));
        if (!probe.getTcpFallback().getExcludedNodes().isEmpty()) {
            Set<String> nodes = Set.copyOf(probe.getTcpFallback().getExcludedNodes());
            b.disableTcpPingsForNode(nodes::contains);
        }
        set("suspicionMult", p.getSuspicion().getMultiplier(), b::suspicionMult);
        set("suspicionMaxTimeoutMult", p.getSuspicion().getMaxTimeoutMultiplier(), b::suspicionMaxTimeoutMult);
        GossipProperties gossip = p.getGossip();
        set("gossipInterval", gossip.getInterval(), b::gossipInterval);
        set("gossipNodes", gossip.getNodes(), b::gossipNodes);
        set("retransmitMult", gossip.getRetransmitMultiplier(), b::retransmitMult);
        set("gossipToTheDeadTime", gossip.getToTheDeadTime(), b::gossipToTheDeadTime);
        set("eagerGossip", gossip.getEager(), b::eagerGossip);
        set("queueCheckInterval", gossip.getQueueCheckInterval(), b::queueCheckInterval);
        set("pushPullInterval", p.getPushPull().getInterval(), b::pushPullInterval);
        EncryptionProperties encryption = p.getEncryption();
        set("gossipVerifyIncoming", encryption.getVerifyIncoming(), b::gossipVerifyIncoming);
        set("gossipVerifyOutgoing", encryption.getVerifyOutgoing(), b::gossipVerifyOutgoing);
        if (!encryption.getSecretKeys().isEmpty()) {
            b.keyring(keyring(encryption.getSecretKeys()));
        }
        set("enableCompression", p.getCompression().getEnabled(), b::enableCompression);
        ClusterProperties cluster = p.getCluster();
        set("label", cluster.getLabel(), b::label);
        set("skipInboundLabelCheck", cluster.getInboundLabelRequired(), required -> b.skipInboundLabelCheck(!required));
        if (!cluster.getAllowedCidrs().isEmpty()) {
            b.cidrsAllowed(cidrs(cluster.getAllowedCidrs()));
        }
        set("requireNodeNames", cluster.getRequireNodeNames(), b::requireNodeNames);
        set("deadNodeReclaimTime", cluster.getDeadNodeReclaimTime(), b::deadNodeReclaimTime);
        ProtocolProperties protocol = p.getProtocol();
        set("protocolVersion", protocol.getVersion(), b::protocolVersion);
        set("delegateProtocolVersion", protocol.getDelegateVersion(), b::delegateProtocolVersion);
        set("delegateProtocolMin", protocol.getDelegateMin(), b::delegateProtocolMin);
        set("delegateProtocolMax", protocol.getDelegateMax(), b::delegateProtocolMax);
        set("reconnectInterval", p.getReconnect().getInterval(), b::reconnectInterval);
        set("reconnectTimeout", p.getReconnect().getTimeout(), b::reconnectTimeout);
        return b;
    }

    /**
     * Checks that {@code memberlist.meta} can be encoded as node metadata.
     *
     * @throws InvalidConfigurationPropertyValueException when it encodes to more than 512 bytes
     */
    void checkMetadata() {
        byte[] meta;
        try {
            meta = NodeMetadata.encode(properties.getMeta());
        } catch (IllegalArgumentException ex) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "meta", properties.getMeta(), ex.getMessage());
        }
        if (meta.length > MemberlistConfig.META_MAX_SIZE) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "meta", properties.getMeta(),
                    "encodes to " + meta.length + " bytes of node metadata; at most "
                            + MemberlistConfig.META_MAX_SIZE + " are allowed");
        }
    }

    /**
     * Checks the settings of leaving, which the core does not see.
     *
     * @throws InvalidConfigurationPropertyValueException naming the property out of range
     */
    void checkLifecycleSettings() {
        if (properties.getLeaveTimeout().isNegative() || properties.getLeaveTimeout().isZero()) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "leave-timeout", properties.getLeaveTimeout(),
                    "must be positive");
        }
    }

    /**
     * Validates and builds.
     *
     * @param builder a builder from {@link #builder()}, possibly customized since
     * @return the configuration
     * @throws InvalidConfigurationPropertyValueException naming the property of a rejected knob
     * @throws IllegalStateException when the profile or a customizer set the rejected knob
     */
    MemberlistConfig build(MemberlistConfig.Builder builder) {
        try {
            return builder.build();
        } catch (InvalidConfigurationException ex) {
            String property = PROPERTY_OF_KNOB.getOrDefault(ex.knob(), ex.knob());
            if (!applied.containsKey(property)) {
                throw new IllegalStateException("Invalid memberlist configuration: " + PREFIX + property + " "
                        + reason(ex) + " (the value comes from the profile or a MemberlistConfigCustomizer)", ex);
            }
            throw new InvalidConfigurationPropertyValueException(PREFIX + property, applied.get(property), reason(ex), ex);
        }
    }

    /** The core's message is {@code "<knob>: <reason>"}. */
    private static String reason(InvalidConfigurationException ex) {
        return ex.getMessage().substring(ex.knob().length() + 2);
    }

    private static MemberlistConfig.Builder preset(MemberlistProperties.Profile profile) {
        return switch (profile) {
            case LAN -> MemberlistConfig.lan();
            case WAN -> MemberlistConfig.wan();
            case LOCAL -> MemberlistConfig.local();
        };
    }

    private <T> void set(String knob, @Nullable T value, Consumer<T> setter) {
        if (value != null) {
            applied.put(PROPERTY_OF_KNOB.get(knob), value);
            setter.accept(value);
        }
    }

    private static @Nullable Integer bytes(String knob, @Nullable DataSize size) {
        if (size == null) {
            return null;
        }
        if (size.toBytes() < 0 || size.toBytes() > Integer.MAX_VALUE) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + PROPERTY_OF_KNOB.get(knob), size,
                    "must be between 0B and " + Integer.MAX_VALUE + "B");
        }
        return (int) size.toBytes();
    }

    private static List<Cidr> cidrs(List<String> values) {
        List<Cidr> cidrs = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            try {
                cidrs.add(Cidr.parse(values.get(i)));
            } catch (IllegalArgumentException ex) {
                throw new InvalidConfigurationPropertyValueException(PREFIX + PROPERTY_OF_KNOB.get("cidrsAllowed") + "[" + i + "]", values.get(i),
                        "must be an IP network in CIDR notation, such as 10.0.0.0/8 or fd00::/8");
            }
        }
        return cidrs;
    }

    // Not InvalidConfigurationPropertyValueException: its failure analyzer prints the value of
    // every property source that sets the property, and keys must never reach a log.
    private static Keyring keyring(List<String> encodedKeys) {
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < encodedKeys.size(); i++) {
            String property = PREFIX + PROPERTY_OF_KNOB.get("keyring") + "[" + i + "]";
            keys.add(aesKey(encodedKeys.get(i)).orElseThrow(() -> new InvalidSecretKeyException(property,
                    "each key must be base64-encoded and decode to 16, 24 or 32 bytes (AES-128, -192 or -256)")));
        }
        return Keyring.of(keys);
    }

    private static Optional<byte[]> aesKey(String encoded) {
        try {
            byte[] key = Base64.getDecoder().decode(encoded.trim());
            return AES_KEY_SIZES.contains(key.length) ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException ex) {
            // The decoder's message quotes the offending character of the key.
            return Optional.empty();
        }
    }
}
