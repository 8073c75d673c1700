package dev.memberlist.interop;

import dev.memberlist.Node;
import dev.memberlist.ProtocolVersions;
import dev.memberlist.transport.netty.NoNettyLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Java and Go nodes join each other's clusters and converge into one. */
class MembershipInteropIT {

    @RegisterExtension
    static final NoNettyLeaks NO_LEAKS = NoNettyLeaks.collectingAfterAll();

    @RegisterExtension
    final MixedCluster cluster = new MixedCluster(Timings.FAST);

    @Test
    void javaNodeJoinsAGoCluster() {
        GoPeer g1 = cluster.go("g1", "-meta", "role=go");
        GoPeer g2 = cluster.go("g2", "-join", g1.address());
        g1.awaitNode("join", "g2");
        JavaPeer j1 = cluster.java("j1");

        assertThat(j1.join(g1.address())).succeedsWithin(MixedCluster.WAIT).isEqualTo(1);

        cluster.awaitConverged();
        assertThat(g1.awaitNode("join", "j1")).containsEntry("addr", j1.address()).containsEntry("meta", "");
        g2.awaitNode("join", "j1");
        Node seenByJava = j1.find("g1").orElseThrow();
        assertThat("127.0.0.1:" + seenByJava.port()).isEqualTo(g1.address());
        assertThat(new String(seenByJava.meta())).isEqualTo("role=go");
        assertThat(seenByJava.versions()).as("Go's vsn bytes as Java reads them")
                .isEqualTo(new ProtocolVersions(1, 5, 2, 0, 0, 0));
    }

    @Test
    void goNodeJoinsAJavaCluster() {
        JavaPeer j1 = cluster.java("j1");
        JavaPeer j2 = cluster.java("j2");
        assertThat(j2.join(j1.address())).succeedsWithin(MixedCluster.WAIT);

        GoPeer g1 = cluster.go("g1", "-join", j1.address());

        assertThat(g1.await("joined", e -> true)).containsEntry("joined", 1L);
        cluster.awaitConverged();
        assertThat(g1.awaitNode("join", "j1")).containsEntry("addr", j1.address());
        assertThat(g1.awaitNode("join", "j2")).containsEntry("addr", j2.address());
        List<Map<String, Object>> members = g1.members();
        assertThat(members).filteredOn(m -> ((String) m.get("name")).startsWith("j"))
                .as("Java's vsn bytes as Go reads them").hasSize(2)
                .allSatisfy(m -> assertThat(m.get("vsn")).isEqualTo(List.of(1L, 5L, 2L, 0L, 0L, 0L)));
    }

    @Test
    void threeGoAndThreeJavaNodesConvergeIntoOneCluster() {
        cluster.formChain(3);

        assertThat(cluster.runningNames()).containsExactly("g1", "g2", "g3", "j1", "j2", "j3");
    }
}
