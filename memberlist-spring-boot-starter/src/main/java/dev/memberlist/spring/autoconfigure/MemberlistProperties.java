package dev.memberlist.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration properties for memberlist ({@code memberlist.*}): the node's identity and leave
 * here, the protocol knobs in groups ({@code transport}, {@code tls}, {@code probe}, {@code suspicion},
 * {@code gossip}, {@code push-pull}, {@code encryption}, {@code compression}, {@code cluster},
 * {@code protocol}, {@code reconnect}) and the starter's own parts ({@code events}, {@code health},
 * {@code metrics}); joining is {@link JoinProperties} ({@code memberlist.join}). A protocol knob left unset keeps the value of the selected
 * {@link #getProfile() profile}.
 */
@ConfigurationProperties("memberlist")
public class MemberlistProperties {
    /** Whether to run a memberlist node. */
    private boolean enabled = true;

    /** Preset that supplies every protocol knob left unset (the defaults listed for the knobs are lan's). */
    private Profile profile = Profile.LAN;

    /** Name of this node, unique in the cluster. Defaults to the host name. */
    private @Nullable String name;

    /** Longest wait for a graceful leave to spread when the application context closes. */
    private Duration leaveTimeout = Duration.ofSeconds(5);

    /** Metadata of this node, sent to every other node as URL-encoded k=v pairs (at most 512 bytes). */
    private Map<String, String> meta = new LinkedHashMap<>();

    /** Where the node listens and how it is reached. */
    @NestedConfigurationProperty
    private final TransportProperties transport = new TransportProperties();

    /** Mutual TLS for every stream, TCP or QUIC. */
    @NestedConfigurationProperty
    private final TlsProperties tls = new TlsProperties();

    /** Failure detection. */
    @NestedConfigurationProperty
    private final ProbeProperties probe = new ProbeProperties();

    /** Suspicion timeouts. */
    @NestedConfigurationProperty
    private final SuspicionProperties suspicion = new SuspicionProperties();

    /** Piggybacked broadcasts. */
    @NestedConfigurationProperty
    private final GossipProperties gossip = new GossipProperties();

    /** Anti-entropy state exchanges. */
    @NestedConfigurationProperty
    private final PushPullProperties pushPull = new PushPullProperties();

    /** Encryption of gossip and streams. */
    @NestedConfigurationProperty
    private final EncryptionProperties encryption = new EncryptionProperties();

    /** Compression of packets and streams. */
    @NestedConfigurationProperty
    private final CompressionProperties compression = new CompressionProperties();

    /** Cluster label, allowed networks and node names. */
    @NestedConfigurationProperty
    private final ClusterProperties cluster = new ClusterProperties();

    /** Protocol versions. */
    @NestedConfigurationProperty
    private final ProtocolProperties protocol = new ProtocolProperties();

    /** Retries of dead nodes. */
    @NestedConfigurationProperty
    private final ReconnectProperties reconnect = new ReconnectProperties();

    /** Application events. */
    @NestedConfigurationProperty
    private final EventsProperties events = new EventsProperties();

    /** The memberlist health indicator. */
    @NestedConfigurationProperty
    private final HealthProperties health = new HealthProperties();

    /** Memberlist meters. */
    @NestedConfigurationProperty
    private final MetricsProperties metrics = new MetricsProperties();

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

    public Duration getLeaveTimeout() {
        return leaveTimeout;
    }

    public void setLeaveTimeout(Duration leaveTimeout) {
        this.leaveTimeout = leaveTimeout;
    }

    public Map<String, String> getMeta() {
        return meta;
    }

    public void setMeta(Map<String, String> meta) {
        this.meta = meta;
    }

    public TransportProperties getTransport() {
        return transport;
    }

    public TlsProperties getTls() {
        return tls;
    }

    public ProbeProperties getProbe() {
        return probe;
    }

    public SuspicionProperties getSuspicion() {
        return suspicion;
    }

    public GossipProperties getGossip() {
        return gossip;
    }

    public PushPullProperties getPushPull() {
        return pushPull;
    }

    public EncryptionProperties getEncryption() {
        return encryption;
    }

    public CompressionProperties getCompression() {
        return compression;
    }

    public ClusterProperties getCluster() {
        return cluster;
    }

    public ProtocolProperties getProtocol() {
        return protocol;
    }

    public ReconnectProperties getReconnect() {
        return reconnect;
    }

    public EventsProperties getEvents() {
        return events;
    }

    public HealthProperties getHealth() {
        return health;
    }

    public MetricsProperties getMetrics() {
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
}
