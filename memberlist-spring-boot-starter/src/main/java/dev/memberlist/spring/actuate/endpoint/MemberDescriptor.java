package dev.memberlist.spring.actuate.endpoint;

import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.spring.metadata.NodeMetadata;
import org.jspecify.annotations.Nullable;

import java.util.Base64;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One node as the endpoint describes it.
 *
 * @param name the node's name
 * @param address its IP address
 * @param port its port
 * @param state what this node believes about it
 * @param incarnation its incarnation number
 * @param meta its metadata as {@code key=value} pairs; metadata in another form shows as one
 *     {@code base64} entry
 * @param lastRttMillis the round-trip time of its last answered probe; null before the first
 */
public record MemberDescriptor(String name, String address, int port, NodeState state, long incarnation,
        Map<String, String> meta, @Nullable Long lastRttMillis) {

    static MemberDescriptor of(Node node, OptionalLong lastRttMillis) {
        byte[] meta = node.meta();
        return new MemberDescriptor(node.name(), node.address().getHostAddress(), node.port(), node.state(),
                node.incarnation(),
                NodeMetadata.decode(meta).orElseGet(() -> Map.of("base64", Base64.getEncoder().encodeToString(meta))),
                lastRttMillis.isPresent() ? lastRttMillis.getAsLong() : null);
    }
}
