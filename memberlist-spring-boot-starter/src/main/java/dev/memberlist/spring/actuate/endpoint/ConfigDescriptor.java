package dev.memberlist.spring.actuate.endpoint;

import dev.memberlist.MemberlistConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration as the endpoint shows it: every plain knob, and of the keys only how many there are. */
final class ConfigDescriptor {

    private ConfigDescriptor() {
    }

    static Map<String, Object> of(MemberlistConfig c) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", c.name());
        config.put("bindAddress", c.bindAddress());
        config.put("bindPort", c.bindPort());
        config.put("advertiseAddress", c.advertiseAddress().orElse(""));
        config.put("advertisePort", c.advertisePort());
        config.put("label", c.label());
        config.put("skipInboundLabelCheck", c.skipInboundLabelCheck());
        config.put("protocolVersion", c.protocolVersion());
        config.put("delegateProtocolVersion", c.delegateProtocolVersion());
        config.put("delegateProtocolMin", c.delegateProtocolMin());
        config.put("delegateProtocolMax", c.delegateProtocolMax());
        config.put("tcpTimeout", text(c.tcpTimeout()));
        config.put("indirectChecks", c.indirectChecks());
        config.put("retransmitMult", c.retransmitMult());
        config.put("suspicionMult", c.suspicionMult());
        config.put("suspicionMaxTimeoutMult", c.suspicionMaxTimeoutMult());
        config.put("pushPullInterval", text(c.pushPullInterval()));
        config.put("probeInterval", text(c.probeInterval()));
        config.put("probeTimeout", text(c.probeTimeout()));
        config.put("disableTcpPings", c.disableTcpPings());
        config.put("awarenessMaxMultiplier", c.awarenessMaxMultiplier());
        config.put("gossipInterval", text(c.gossipInterval()));
        config.put("gossipNodes", c.gossipNodes());
        config.put("gossipToTheDeadTime", text(c.gossipToTheDeadTime()));
        config.put("eagerGossip", c.eagerGossip());
        config.put("gossipVerifyIncoming", c.gossipVerifyIncoming());
        config.put("gossipVerifyOutgoing", c.gossipVerifyOutgoing());
        config.put("enableCompression", c.enableCompression());
        config.put("encryptionEnabled", c.encryptionEnabled());
        config.put("encryptionKeys", c.keyring().map(keyring -> keyring.keys().size()).orElse(0));
        config.put("handoffQueueDepth", c.handoffQueueDepth());
        config.put("udpBufferSize", c.udpBufferSize());
        config.put("udpReceiveBufferSize", c.udpReceiveBufferSize());
        config.put("deadNodeReclaimTime", text(c.deadNodeReclaimTime()));
        config.put("requireNodeNames", c.requireNodeNames());
        config.put("cidrsAllowed", c.cidrsAllowed().stream().map(Object::toString).toList());
        config.put("queueCheckInterval", text(c.queueCheckInterval()));
        config.put("reconnectInterval", text(c.reconnectInterval()));
        config.put("reconnectTimeout", text(c.reconnectTimeout()));
        config.put("maxInboundStreams", c.maxInboundStreams());
        config.put("inboundStreamBufferSize", c.inboundStreamBufferSize());
        return config;
    }

    // ISO-8601, the form Duration properties also accept.
    private static String text(Duration duration) {
        return duration.toString();
    }
}
