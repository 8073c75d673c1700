package dev.memberlist.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Who belongs to this cluster ({@code memberlist.cluster.*}): a label that keeps clusters sharing a
 * network apart, the networks nodes may come from, and how node names are held.
 */
public class ClusterProperties {

    /** Label of every packet and stream, at most 255 bytes in UTF-8; nodes with another label are ignored. */
    private @Nullable String label;

    /** Whether inbound packets and streams must carry the label; false accepts unlabelled input as labelled (while a cluster moves to labels). */
    private @Nullable Boolean inboundLabelRequired;

    /** Networks (CIDR notation) nodes may come from; empty allows all. */
    private List<String> allowedCidrs = new ArrayList<>();

    /** Whether to refuse sending to an address without a node name. */
    private @Nullable Boolean requireNodeNames;

    /** Time after which a dead node's name may move to a new address; zero never. */
    private @Nullable Duration deadNodeReclaimTime;

    public @Nullable String getLabel() {
        return label;
    }

    public void setLabel(@Nullable String label) {
        this.label = label;
    }

    public @Nullable Boolean getInboundLabelRequired() {
        return inboundLabelRequired;
    }

    public void setInboundLabelRequired(@Nullable Boolean inboundLabelRequired) {
        this.inboundLabelRequired = inboundLabelRequired;
    }

    public List<String> getAllowedCidrs() {
        return allowedCidrs;
    }

    public void setAllowedCidrs(List<String> allowedCidrs) {
        this.allowedCidrs = allowedCidrs;
    }

    public @Nullable Boolean getRequireNodeNames() {
        return requireNodeNames;
    }

    public void setRequireNodeNames(@Nullable Boolean requireNodeNames) {
        this.requireNodeNames = requireNodeNames;
    }

    public @Nullable Duration getDeadNodeReclaimTime() {
        return deadNodeReclaimTime;
    }

    public void setDeadNodeReclaimTime(@Nullable Duration deadNodeReclaimTime) {
        this.deadNodeReclaimTime = deadNodeReclaimTime;
    }
}
