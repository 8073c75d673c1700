package dev.memberlist.spring.autoconfigure;



/**
 * Memberlist meters ({@code memberlist.metrics.*}).
 */
public class MetricsProperties {

    /** Whether to tag the probe round-trip timer with the probed node's name (one series per node). */
    private boolean probeRttPerNode;

    public boolean isProbeRttPerNode() {
        return probeRttPerNode;
    }

    public void setProbeRttPerNode(boolean probeRttPerNode) {
        this.probeRttPerNode = probeRttPerNode;
    }
}
