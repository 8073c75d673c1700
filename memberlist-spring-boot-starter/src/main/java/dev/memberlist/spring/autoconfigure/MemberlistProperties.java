package dev.memberlist.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration properties for memberlist. The protocol knobs carry Go memberlist's names; a knob
 * left unset keeps the value of the selected {@link #getProfile() profile}.
 *
 * <p>Flat on purpose: one property per {@code MemberlistConfig.Builder} knob, named as the knob,
 * so a rejected knob maps back to its property by name.
 */
@ConfigurationProperties("memberlist")
public class MemberlistProperties {
    /** Whether to run a memberlist node. */
    private boolean enabled = true;

    /** Preset that supplies every protocol knob left unset (the defaults listed for the knobs are lan's). */
    private Profile profile = Profile.LAN;

    /** Name of this node, unique in the cluster. Defaults to the host name. */
    private @Nullable String name;

    /** Address to listen on for UDP and TCP. */
    private @Nullable String bindAddress;

    /** Port to listen on for UDP and TCP; 0 picks a free one. */
    private @Nullable Integer bindPort;

    /** Address other nodes should use to reach this one, when it differs from the bound one (NAT). */
    private @Nullable String advertiseAddress;

    /** Port other nodes should use to reach this one; 0 means the bound port. */
    private @Nullable Integer advertisePort;

    /** Longest wait for a graceful leave to spread when the application context closes. */
    private Duration leaveTimeout = Duration.ofSeconds(5);

    /** Base64-encoded AES keys (16, 24 or 32 bytes) that encrypt gossip; the first one encrypts. */
    private List<String> secretKeys = new ArrayList<>();

    /** Whether to require encryption on input when secret keys are set. */
    private @Nullable Boolean gossipVerifyIncoming;

    /** Whether to encrypt output when secret keys are set. */
    private @Nullable Boolean gossipVerifyOutgoing;

    /** Label of every packet and stream (at most 255 bytes); nodes with another label are ignored. */
    private @Nullable String label;

    /** Whether to accept unlabelled input as if it carried the label. */
    private @Nullable Boolean skipInboundLabelCheck;

    /** Metadata of this node, sent to every other node as URL-encoded k=v pairs (at most 512 bytes). */
    private Map<String, String> meta = new LinkedHashMap<>();

    /** Memberlist protocol version to speak, 1 to 5. */
    private @Nullable Integer protocolVersion;

    /** Delegate protocol version to speak. */
    private @Nullable Integer delegateProtocolVersion;

    /** Lowest delegate protocol version understood. */
    private @Nullable Integer delegateProtocolMin;

    /** Highest delegate protocol version understood. */
    private @Nullable Integer delegateProtocolMax;

    /** Deadline of a whole TCP exchange: connect, write and read. */
    private @Nullable Duration tcpTimeout;

    /** Number of nodes asked to relay a probe when the direct ping fails. */
    private @Nullable Integer indirectChecks;

    /** Multiplier of the number of times a broadcast is sent: mult * ceil(log10(n + 1)). */
    private @Nullable Integer retransmitMult;

    /** Multiplier of the minimum suspicion timeout: mult * max(1, log10(n)) * probe-interval. */
    private @Nullable Integer suspicionMult;

    /** Multiplier of the minimum suspicion timeout that gives the maximum. */
    private @Nullable Integer suspicionMaxTimeoutMult;

    /** Base period of anti-entropy push/pull; zero turns it off. */
    private @Nullable Duration pushPullInterval;

    /** Period of failure-detection probes; zero turns probing off. */
    private @Nullable Duration probeInterval;

    /** Time to wait for a direct ack before asking other nodes to relay the probe. */
    private @Nullable Duration probeTimeout;

    /** Whether to skip the TCP fallback ping. */
    private @Nullable Boolean disableTcpPings;

    /** Names of nodes for which to skip the TCP fallback ping. */
    private List<String> disableTcpPingsForNodes = new ArrayList<>();

    /** Cap of Lifeguard's health multiplier; the health score stays below it. */
    private @Nullable Integer awarenessMaxMultiplier;

    /** Period of gossip rounds; zero turns gossip off. */
    private @Nullable Duration gossipInterval;

    /** Number of nodes each gossip round sends to. */
    private @Nullable Integer gossipNodes;

    /** Time dead nodes still get gossip, and dead and left nodes are remembered. */
    private @Nullable Duration gossipToTheDeadTime;

    /** Whether to LZW-compress packets (when smaller) and streams. */
    private @Nullable Boolean enableCompression;

    /** Number of inbound messages that may wait for the engine before new ones are dropped. */
    private @Nullable Integer handoffQueueDepth;

    /** Size of the largest packet built for gossip and piggybacking. */
    private @Nullable DataSize udpBufferSize;

    /** UDP socket receive buffer to ask the operating system for. */
    private @Nullable DataSize udpReceiveBufferSize;

    /** Time after which a dead node's name may move to a new address; zero never. */
    private @Nullable Duration deadNodeReclaimTime;

    /** Whether to refuse sending to an address without a node name. */
    private @Nullable Boolean requireNodeNames;

    /** Networks (CIDR notation) nodes may come from; empty allows all. */
    private List<String> cidrsAllowed = new ArrayList<>();

    /** Period of broadcast queue depth reports. */
    private @Nullable Duration queueCheckInterval;

    /** Period of push/pull attempts with a dead node, so a healed partition merges; zero turns it off. */
    private @Nullable Duration reconnectInterval;

    /** Time to keep trying to reconnect to a dead node. */
    private @Nullable Duration reconnectTimeout;

    /** Number of inbound TCP streams that may be open at once; more are refused. */
    private @Nullable Integer maxInboundStreams;

    private final Endpoint endpoint = new Endpoint();

    private final Health health = new Health();

    private final Metrics metrics = new Metrics();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Profile getProfile() {
        return profile;
    }

    public void setProfile(Profile profile) {
        this.profile = profile;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

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

    public Duration getLeaveTimeout() {
        return leaveTimeout;
    }

    public void setLeaveTimeout(Duration leaveTimeout) {
        this.leaveTimeout = leaveTimeout;
    }

    public List<String> getSecretKeys() {
        return secretKeys;
    }

    public void setSecretKeys(List<String> secretKeys) {
        this.secretKeys = secretKeys;
    }

    public @Nullable Boolean getGossipVerifyIncoming() {
        return gossipVerifyIncoming;
    }

    public void setGossipVerifyIncoming(@Nullable Boolean gossipVerifyIncoming) {
        this.gossipVerifyIncoming = gossipVerifyIncoming;
    }

    public @Nullable Boolean getGossipVerifyOutgoing() {
        return gossipVerifyOutgoing;
    }

    public void setGossipVerifyOutgoing(@Nullable Boolean gossipVerifyOutgoing) {
        this.gossipVerifyOutgoing = gossipVerifyOutgoing;
    }

    public @Nullable String getLabel() {
        return label;
    }

    public void setLabel(@Nullable String label) {
        this.label = label;
    }

    public @Nullable Boolean getSkipInboundLabelCheck() {
        return skipInboundLabelCheck;
    }

    public void setSkipInboundLabelCheck(@Nullable Boolean skipInboundLabelCheck) {
        this.skipInboundLabelCheck = skipInboundLabelCheck;
    }

    public Map<String, String> getMeta() {
        return meta;
    }

    public void setMeta(Map<String, String> meta) {
        this.meta = meta;
    }

    public @Nullable Integer getProtocolVersion() {
        return protocolVersion;
    }

    public void setProtocolVersion(@Nullable Integer protocolVersion) {
        this.protocolVersion = protocolVersion;
    }

    public @Nullable Integer getDelegateProtocolVersion() {
        return delegateProtocolVersion;
    }

    public void setDelegateProtocolVersion(@Nullable Integer delegateProtocolVersion) {
        this.delegateProtocolVersion = delegateProtocolVersion;
    }

    public @Nullable Integer getDelegateProtocolMin() {
        return delegateProtocolMin;
    }

    public void setDelegateProtocolMin(@Nullable Integer delegateProtocolMin) {
        this.delegateProtocolMin = delegateProtocolMin;
    }

    public @Nullable Integer getDelegateProtocolMax() {
        return delegateProtocolMax;
    }

    public void setDelegateProtocolMax(@Nullable Integer delegateProtocolMax) {
        this.delegateProtocolMax = delegateProtocolMax;
    }

    public @Nullable Duration getTcpTimeout() {
        return tcpTimeout;
    }

    public void setTcpTimeout(@Nullable Duration tcpTimeout) {
        this.tcpTimeout = tcpTimeout;
    }

    public @Nullable Integer getIndirectChecks() {
        return indirectChecks;
    }

    public void setIndirectChecks(@Nullable Integer indirectChecks) {
        this.indirectChecks = indirectChecks;
    }

    public @Nullable Integer getRetransmitMult() {
        return retransmitMult;
    }

    public void setRetransmitMult(@Nullable Integer retransmitMult) {
        this.retransmitMult = retransmitMult;
    }

    public @Nullable Integer getSuspicionMult() {
        return suspicionMult;
    }

    public void setSuspicionMult(@Nullable Integer suspicionMult) {
        this.suspicionMult = suspicionMult;
    }

    public @Nullable Integer getSuspicionMaxTimeoutMult() {
        return suspicionMaxTimeoutMult;
    }

    public void setSuspicionMaxTimeoutMult(@Nullable Integer suspicionMaxTimeoutMult) {
        this.suspicionMaxTimeoutMult = suspicionMaxTimeoutMult;
    }

    public @Nullable Duration getPushPullInterval() {
        return pushPullInterval;
    }

    public void setPushPullInterval(@Nullable Duration pushPullInterval) {
        this.pushPullInterval = pushPullInterval;
    }

    public @Nullable Duration getProbeInterval() {
        return probeInterval;
    }

    public void setProbeInterval(@Nullable Duration probeInterval) {
        this.probeInterval = probeInterval;
    }

    public @Nullable Duration getProbeTimeout() {
        return probeTimeout;
    }

    public void setProbeTimeout(@Nullable Duration probeTimeout) {
        this.probeTimeout = probeTimeout;
    }

    public @Nullable Boolean getDisableTcpPings() {
        return disableTcpPings;
    }

    public void setDisableTcpPings(@Nullable Boolean disableTcpPings) {
        this.disableTcpPings = disableTcpPings;
    }

    public List<String> getDisableTcpPingsForNodes() {
        return disableTcpPingsForNodes;
    }

    public void setDisableTcpPingsForNodes(List<String> disableTcpPingsForNodes) {
        this.disableTcpPingsForNodes = disableTcpPingsForNodes;
    }

    public @Nullable Integer getAwarenessMaxMultiplier() {
        return awarenessMaxMultiplier;
    }

    public void setAwarenessMaxMultiplier(@Nullable Integer awarenessMaxMultiplier) {
        this.awarenessMaxMultiplier = awarenessMaxMultiplier;
    }

    public @Nullable Duration getGossipInterval() {
        return gossipInterval;
    }

    public void setGossipInterval(@Nullable Duration gossipInterval) {
        this.gossipInterval = gossipInterval;
    }

    public @Nullable Integer getGossipNodes() {
        return gossipNodes;
    }

    public void setGossipNodes(@Nullable Integer gossipNodes) {
        this.gossipNodes = gossipNodes;
    }

    public @Nullable Duration getGossipToTheDeadTime() {
        return gossipToTheDeadTime;
    }

    public void setGossipToTheDeadTime(@Nullable Duration gossipToTheDeadTime) {
        this.gossipToTheDeadTime = gossipToTheDeadTime;
    }

    public @Nullable Boolean getEnableCompression() {
        return enableCompression;
    }

    public void setEnableCompression(@Nullable Boolean enableCompression) {
        this.enableCompression = enableCompression;
    }

    public @Nullable Integer getHandoffQueueDepth() {
        return handoffQueueDepth;
    }

    public void setHandoffQueueDepth(@Nullable Integer handoffQueueDepth) {
        this.handoffQueueDepth = handoffQueueDepth;
    }

    public @Nullable DataSize getUdpBufferSize() {
        return udpBufferSize;
    }

    public void setUdpBufferSize(@Nullable DataSize udpBufferSize) {
        this.udpBufferSize = udpBufferSize;
    }

    public @Nullable DataSize getUdpReceiveBufferSize() {
        return udpReceiveBufferSize;
    }

    public void setUdpReceiveBufferSize(@Nullable DataSize udpReceiveBufferSize) {
        this.udpReceiveBufferSize = udpReceiveBufferSize;
    }

    public @Nullable Duration getDeadNodeReclaimTime() {
        return deadNodeReclaimTime;
    }

    public void setDeadNodeReclaimTime(@Nullable Duration deadNodeReclaimTime) {
        this.deadNodeReclaimTime = deadNodeReclaimTime;
    }

    public @Nullable Boolean getRequireNodeNames() {
        return requireNodeNames;
    }

    public void setRequireNodeNames(@Nullable Boolean requireNodeNames) {
        this.requireNodeNames = requireNodeNames;
    }

    public List<String> getCidrsAllowed() {
        return cidrsAllowed;
    }

    public void setCidrsAllowed(List<String> cidrsAllowed) {
        this.cidrsAllowed = cidrsAllowed;
    }

    public @Nullable Duration getQueueCheckInterval() {
        return queueCheckInterval;
    }

    public void setQueueCheckInterval(@Nullable Duration queueCheckInterval) {
        this.queueCheckInterval = queueCheckInterval;
    }

    public @Nullable Duration getReconnectInterval() {
        return reconnectInterval;
    }

    public void setReconnectInterval(@Nullable Duration reconnectInterval) {
        this.reconnectInterval = reconnectInterval;
    }

    public @Nullable Duration getReconnectTimeout() {
        return reconnectTimeout;
    }

    public void setReconnectTimeout(@Nullable Duration reconnectTimeout) {
        this.reconnectTimeout = reconnectTimeout;
    }

    public @Nullable Integer getMaxInboundStreams() {
        return maxInboundStreams;
    }

    public void setMaxInboundStreams(@Nullable Integer maxInboundStreams) {
        this.maxInboundStreams = maxInboundStreams;
    }

    public Endpoint getEndpoint() {
        return endpoint;
    }

    public Health getHealth() {
        return health;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    /** Preset of the protocol knobs, Go's {@code DefaultLANConfig}, {@code DefaultWANConfig} and {@code DefaultLocalConfig}. */
    public enum Profile {
        /** Tuned for a local network: 1s probes, 200ms gossip, 30s push/pull. */
        LAN,

        /** Slower probes and gossip for higher latency: 5s probes, 500ms gossip, 60s push/pull. */
        WAN,

        /** Fast timings for nodes on one machine or a fast local network. */
        LOCAL
    }

    /** The memberlist actuator endpoint. */
    public static class Endpoint {
        /** Whether the endpoint offers write operations: leave, join and key rotation. */
        private boolean writeEnabled;

        public boolean isWriteEnabled() {
            return writeEnabled;
        }

        public void setWriteEnabled(boolean writeEnabled) {
            this.writeEnabled = writeEnabled;
        }
    }

    /** The memberlist health indicator. */
    public static class Health {
        /** Lifeguard health score above which the node reports DOWN; 0 is healthy. */
        private int maxScore = 5;

        public int getMaxScore() {
            return maxScore;
        }

        public void setMaxScore(int maxScore) {
            this.maxScore = maxScore;
        }
    }

    /** Memberlist meters. */
    public static class Metrics {
        /** Whether to tag the probe round-trip timer with the probed node's name (one series per node). */
        private boolean probeRttPerNode;

        public boolean isProbeRttPerNode() {
            return probeRttPerNode;
        }

        public void setProbeRttPerNode(boolean probeRttPerNode) {
            this.probeRttPerNode = probeRttPerNode;
        }
    }
}
