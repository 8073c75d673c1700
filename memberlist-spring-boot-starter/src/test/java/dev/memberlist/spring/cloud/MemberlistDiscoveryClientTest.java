package dev.memberlist.spring.cloud;

import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.ProtocolVersions;
import dev.memberlist.spring.metadata.NodeMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MemberlistDiscoveryClientTest {

    @Test
    void aMemberWithServiceIdAndHttpPortIsAnInstanceAtItsAddress() throws Exception {
        Optional<ServiceInstance> instance = MemberlistDiscoveryClient.instance(node("orders-0",
                NodeMetadata.encode(Map.of("service-id", "orders", "http-port", "8080", "zone", "a"))));

        assertThat(instance).hasValueSatisfying(found -> {
            assertThat(found.getServiceId()).isEqualTo("orders");
            assertThat(found.getInstanceId()).isEqualTo("orders-0");
            assertThat(found.getHost()).isEqualTo("10.0.0.7");
            assertThat(found.getPort()).isEqualTo(8080);
            assertThat(found.isSecure()).isFalse();
            assertThat(found.getMetadata()).containsEntry("zone", "a");
        });
    }

    @Test
    void membersWithoutBothKeysOrWithOtherBytesAreNoInstances() throws Exception {
        assertThat(MemberlistDiscoveryClient.instance(node("no-port", NodeMetadata.encode(Map.of("service-id", "orders")))))
                .isEmpty();
        assertThat(MemberlistDiscoveryClient.instance(node("no-id", NodeMetadata.encode(Map.of("http-port", "8080")))))
                .isEmpty();
        assertThat(MemberlistDiscoveryClient.instance(node("bad-port",
                NodeMetadata.encode(Map.of("service-id", "orders", "http-port", "99999"))))).isEmpty();
        assertThat(MemberlistDiscoveryClient.instance(node("go-node", "\u0000\u0001binary".getBytes(StandardCharsets.ISO_8859_1))))
                .isEmpty();
    }

    private static Node node(String name, byte[] meta) throws Exception {
        return new Node(name, InetAddress.getByName("10.0.0.7"), 7946, meta, NodeState.ALIVE, 1,
                ProtocolVersions.advertised(2, 0, 0, 0));
    }
}
