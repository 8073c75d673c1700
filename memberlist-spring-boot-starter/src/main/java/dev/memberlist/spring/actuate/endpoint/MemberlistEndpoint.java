package dev.memberlist.spring.actuate.endpoint;

import dev.memberlist.Memberlist;
import dev.memberlist.Node;
import dev.memberlist.spring.MemberCounts;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import java.util.List;

/**
 * {@link Endpoint @Endpoint} that shows the cluster as this node sees it: {@code GET
 * /actuator/memberlist} for every node, {@code GET /actuator/memberlist/{name}} for one. It has no
 * write operations: they are {@link MemberlistOperationsEndpoint}'s, so a path segment after
 * {@code memberlist/} is always a node's name.
 */
@Endpoint(id = "memberlist")
public class MemberlistEndpoint {
    private final Memberlist memberlist;
    private final RoundTripTimes roundTripTimes;

    /**
     * @param memberlist the node
     * @param roundTripTimes the last probe round-trip time of each node
     */
    public MemberlistEndpoint(Memberlist memberlist, RoundTripTimes roundTripTimes) {
        this.memberlist = memberlist;
        this.roundTripTimes = roundTripTimes;
    }

    /** @return this node, every known node, their counts by state, and the configuration */
    @ReadOperation
    public MemberlistDescriptor memberlist() {
        List<Node> nodes = memberlist.allNodes();
        return new MemberlistDescriptor(describe(memberlist.localNode()), memberlist.healthScore(), MemberCounts.of(nodes),
                nodes.stream().map(this::describe).toList(), ConfigDescriptor.of(memberlist.config()));
    }

    /**
     * @param name a node's name
     * @return the node, or null (404) when it is not known
     */
    @ReadOperation
    public @Nullable MemberDescriptor member(@Selector String name) {
        return memberlist.allNodes().stream().filter(node -> node.name().equals(name)).findFirst()
                .map(this::describe).orElse(null);
    }

    private MemberDescriptor describe(Node node) {
        return MemberDescriptor.of(node, roundTripTimes.lastRttMillis(node.name()));
    }
}
