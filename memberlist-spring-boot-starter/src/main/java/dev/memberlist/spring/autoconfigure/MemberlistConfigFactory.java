package dev.memberlist.spring.autoconfigure;

import dev.memberlist.Cidr;
import dev.memberlist.InvalidConfigurationException;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.security.Keyring;
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
        set("bind-address", p.getBindAddress(), b::bindAddress);
        set("bind-port", p.getBindPort(), b::bindPort);
        set("advertise-address", p.getAdvertiseAddress(), b::advertiseAddress);
        set("advertise-port", p.getAdvertisePort(), b::advertisePort);
        set("label", p.getLabel(), b::label);
        set("skip-inbound-label-check", p.getSkipInboundLabelCheck(), b::skipInboundLabelCheck);
        set("protocol-version", p.getProtocolVersion(), b::protocolVersion);
        set("delegate-protocol-version", p.getDelegateProtocolVersion(), b::delegateProtocolVersion);
        set("delegate-protocol-min", p.getDelegateProtocolMin(), b::delegateProtocolMin);
        set("delegate-protocol-max", p.getDelegateProtocolMax(), b::delegateProtocolMax);
        set("tcp-timeout", p.getTcpTimeout(), b::tcpTimeout);
        set("indirect-checks", p.getIndirectChecks(), b::indirectChecks);
        set("retransmit-mult", p.getRetransmitMult(), b::retransmitMult);
        set("suspicion-mult", p.getSuspicionMult(), b::suspicionMult);
        set("suspicion-max-timeout-mult", p.getSuspicionMaxTimeoutMult(), b::suspicionMaxTimeoutMult);
        set("push-pull-interval", p.getPushPullInterval(), b::pushPullInterval);
        set("probe-interval", p.getProbeInterval(), b::probeInterval);
        set("probe-timeout", p.getProbeTimeout(), b::probeTimeout);
        set("disable-tcp-pings", p.getDisableTcpPings(), b::disableTcpPings);
        if (!p.getDisableTcpPingsForNodes().isEmpty()) {
            Set<String> nodes = Set.copyOf(p.getDisableTcpPingsForNodes());
            b.disableTcpPingsForNode(nodes::contains);
        }
        set("awareness-max-multiplier", p.getAwarenessMaxMultiplier(), b::awarenessMaxMultiplier);
        set("gossip-interval", p.getGossipInterval(), b::gossipInterval);
        set("gossip-nodes", p.getGossipNodes(), b::gossipNodes);
        set("gossip-to-the-dead-time", p.getGossipToTheDeadTime(), b::gossipToTheDeadTime);
        set("gossip-verify-incoming", p.getGossipVerifyIncoming(), b::gossipVerifyIncoming);
        set("gossip-verify-outgoing", p.getGossipVerifyOutgoing(), b::gossipVerifyOutgoing);
        set("enable-compression", p.getEnableCompression(), b::enableCompression);
        set("handoff-queue-depth", p.getHandoffQueueDepth(), b::handoffQueueDepth);
        set("udp-buffer-size", bytes("udp-buffer-size", p.getUdpBufferSize()), b::udpBufferSize);
        set("udp-receive-buffer-size", bytes("udp-receive-buffer-size", p.getUdpReceiveBufferSize()),
                b::udpReceiveBufferSize);
        set("dead-node-reclaim-time", p.getDeadNodeReclaimTime(), b::deadNodeReclaimTime);
        set("require-node-names", p.getRequireNodeNames(), b::requireNodeNames);
        set("queue-check-interval", p.getQueueCheckInterval(), b::queueCheckInterval);
        set("reconnect-interval", p.getReconnectInterval(), b::reconnectInterval);
        set("reconnect-timeout", p.getReconnectTimeout(), b::reconnectTimeout);
        set("max-inbound-streams", p.getMaxInboundStreams(), b::maxInboundStreams);
        if (!p.getCidrsAllowed().isEmpty()) {
            b.cidrsAllowed(cidrs(p.getCidrsAllowed()));
        }
        if (!p.getSecretKeys().isEmpty()) {
            b.keyring(keyring(p.getSecretKeys()));
        }
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
            String property = kebabCase(ex.knob());
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

    private <T> void set(String property, @Nullable T value, Consumer<T> setter) {
        if (value != null) {
            applied.put(property, value);
            setter.accept(value);
        }
    }

    private static @Nullable Integer bytes(String property, @Nullable DataSize size) {
        if (size == null) {
            return null;
        }
        if (size.toBytes() < 0 || size.toBytes() > Integer.MAX_VALUE) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + property, size,
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
                throw new InvalidConfigurationPropertyValueException(PREFIX + "cidrs-allowed[" + i + "]", values.get(i),
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
            int index = i;
            keys.add(aesKey(encodedKeys.get(i)).orElseThrow(() -> new IllegalArgumentException("Invalid memberlist.secret-keys["
                    + index + "]: each key must be base64-encoded and decode to 16, 24 or 32 bytes (AES-128, -192 or -256)")));
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

    private static String kebabCase(String camelCase) {
        StringBuilder kebab = new StringBuilder();
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }
}
