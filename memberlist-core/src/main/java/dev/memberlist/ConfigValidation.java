package dev.memberlist;

import dev.memberlist.transport.StreamLayer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Range checks for {@link MemberlistConfig}, each naming the knob it rejects. */
final class ConfigValidation {

    private ConfigValidation() {
    }

    static MemberlistConfig validate(MemberlistConfig c) {
        if (c.name().isBlank()) {
            throw new InvalidConfigurationException("name", "must not be blank");
        }
        if (c.bindAddress().isBlank()) {
            throw new InvalidConfigurationException("bindAddress", "must not be blank");
        }
        port("bindPort", c.bindPort());
        port("advertisePort", c.advertisePort());
        if (c.label().getBytes(StandardCharsets.UTF_8).length > MemberlistConfig.LABEL_MAX_SIZE) {
            throw new InvalidConfigurationException("label", "must be at most 255 bytes in UTF-8");
        }
        range("protocolVersion", c.protocolVersion(), ProtocolVersions.PROTOCOL_MIN, ProtocolVersions.PROTOCOL_MAX);
        range("delegateProtocolVersion", c.delegateProtocolVersion(), 0, 255);
        range("delegateProtocolMin", c.delegateProtocolMin(), 0, 255);
        range("delegateProtocolMax", c.delegateProtocolMax(), 0, 255);
        if (c.delegateProtocolMin() > c.delegateProtocolMax()) {
            throw new InvalidConfigurationException("delegateProtocolMin", "must not exceed delegateProtocolMax");
        }
        positive("tcpTimeout", c.tcpTimeout());
        range("indirectChecks", c.indirectChecks(), 0, 1024);
        range("retransmitMult", c.retransmitMult(), 1, 1024);
        range("suspicionMult", c.suspicionMult(), 1, 1024);
        range("suspicionMaxTimeoutMult", c.suspicionMaxTimeoutMult(), 1, 1024);
        notNegative("pushPullInterval", c.pushPullInterval());
        notNegative("probeInterval", c.probeInterval());
        positive("probeTimeout", c.probeTimeout());
        range("awarenessMaxMultiplier", c.awarenessMaxMultiplier(), 1, 1024);
        notNegative("gossipInterval", c.gossipInterval());
        range("gossipNodes", c.gossipNodes(), 0, 1024);
        notNegative("gossipToTheDeadTime", c.gossipToTheDeadTime());
        range("handoffQueueDepth", c.handoffQueueDepth(), 1, 1 << 20);
        range("udpBufferSize", c.udpBufferSize(), 512, 65_507);
        notNegative("deadNodeReclaimTime", c.deadNodeReclaimTime());
        positive("queueCheckInterval", c.queueCheckInterval());
        notNegative("reconnectInterval", c.reconnectInterval());
        positive("reconnectTimeout", c.reconnectTimeout());
        range("udpReceiveBufferSize", c.udpReceiveBufferSize(), 64 * 1024, 64 * 1024 * 1024);
        range("maxInboundStreams", c.maxInboundStreams(), 1, 1 << 16);
        range("inboundStreamBufferSize", c.inboundStreamBufferSize(), 1024 * 1024, 1024 * 1024 * 1024);
        // Offset 0 would put QUIC on the gossip socket itself.
        range("quicPortOffset", c.quicPortOffset(), 1, 65_535);
        if (c.streamLayer() == StreamLayer.QUIC && c.streamTls().isEmpty()) {
            throw new InvalidConfigurationException("streamLayer",
                    "QUIC streams need streamTls: QUIC always runs TLS, and members authenticate each other with it");
        }
        return c;
    }

    private static void port(String knob, int value) {
        range(knob, value, 0, 65_535);
    }

    private static void range(String knob, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidConfigurationException(knob, "must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static void positive(String knob, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new InvalidConfigurationException(knob, "must be positive, was " + value);
        }
    }

    private static void notNegative(String knob, Duration value) {
        if (value.isNegative()) {
            throw new InvalidConfigurationException(knob, "must not be negative, was " + value);
        }
    }
}
