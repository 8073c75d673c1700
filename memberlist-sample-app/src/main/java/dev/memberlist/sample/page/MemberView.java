package dev.memberlist.sample.page;

import dev.memberlist.Node;
import dev.memberlist.spring.metadata.NodeMetadata;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.OptionalLong;

/**
 * One member as the cluster page shows it.
 *
 * @param name the node's name
 * @param address its IP address
 * @param port its gossip port
 * @param state ALIVE, SUSPECT, DEAD or LEFT, as this node believes
 * @param incarnation its incarnation number
 * @param sinceMillis when this node last saw its state change (epoch milliseconds)
 * @param meta its metadata as {@code key=value} pairs (empty when not in that form)
 * @param rttMillis the round-trip time of its last answered probe; null before the first
 */
record MemberView(String name, String address, int port, String state, long incarnation, long sinceMillis,
        Map<String, String> meta, @Nullable Double rttMillis) {

    static MemberView of(Node node, long sinceMillis, OptionalLong rttMicros) {
        return new MemberView(node.name(), node.address().getHostAddress(), node.port(), node.state().name(),
                node.incarnation(), sinceMillis, NodeMetadata.decode(node.meta()).orElse(Map.of()),
                rttMicros.isPresent() ? rttMicros.getAsLong() / 1_000.0 : null);
    }
}
