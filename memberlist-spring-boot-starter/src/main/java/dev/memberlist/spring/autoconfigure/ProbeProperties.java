package dev.memberlist.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Failure detection ({@code memberlist.probe.*}): SWIM probes with Lifeguard's local health awareness.
 */
public class ProbeProperties {

    /** Period of failure-detection probes; zero turns probing off. */
    private @Nullable Duration interval;

    /** Time to wait for a direct ack before asking other nodes to relay the probe; must be positive. */
    private @Nullable Duration timeout;

    /** Number of nodes asked to relay a probe when the direct ping fails, 0 to 1024. */
    private @Nullable Integer indirectChecks;

    /** Cap of Lifeguard's health multiplier of the probe interval and timeout, 1 to 1024; the health score stays below it. */
    private @Nullable Integer awarenessMaxMultiplier;

    /** TCP ping tried alongside the indirect probes. */
    @NestedConfigurationProperty
    private final TcpFallback tcpFallback = new TcpFallback();

    public @Nullable Duration getInterval() {
        return interval;
    }

    public void setInterval(@Nullable Duration interval) {
        this.interval = interval;
    }

    public @Nullable Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(@Nullable Duration timeout) {
        this.timeout = timeout;
    }

    public @Nullable Integer getIndirectChecks() {
        return indirectChecks;
    }

    public void setIndirectChecks(@Nullable Integer indirectChecks) {
        this.indirectChecks = indirectChecks;
    }

    public @Nullable Integer getAwarenessMaxMultiplier() {
        return awarenessMaxMultiplier;
    }

    public void setAwarenessMaxMultiplier(@Nullable Integer awarenessMaxMultiplier) {
        this.awarenessMaxMultiplier = awarenessMaxMultiplier;
    }

    public TcpFallback getTcpFallback() {
        return tcpFallback;
    }

    /** TCP fallback ping. */
    public static class TcpFallback {

        /** Whether to try a TCP ping alongside the indirect probes when the direct UDP ping fails. */
        private @Nullable Boolean enabled;

        /** Names of nodes never pinged over TCP (older nodes that do not answer TCP pings). */
        private List<String> excludedNodes = new ArrayList<>();

        public @Nullable Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(@Nullable Boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getExcludedNodes() {
            return excludedNodes;
        }

        public void setExcludedNodes(List<String> excludedNodes) {
            this.excludedNodes = excludedNodes;
        }
    }
}
