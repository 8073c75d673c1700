package dev.memberlist.interop;

import dev.memberlist.transport.netty.NoNettyLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * LZW compression is a sender's choice: a node that does not compress still reads what the other
 * side compresses (Go always compresses push/pull, and UDP packets when that makes them smaller).
 */
class CompressionInteropIT {

    @RegisterExtension
    static final NoNettyLeaks NO_LEAKS = NoNettyLeaks.collectingAfterAll();

    /** Repetitive enough that LZW shrinks the packet, so Go sends it compressed. */
    private static final String COMPRESSIBLE = "compress me please; ".repeat(30).strip();

    @RegisterExtension
    final MixedCluster cluster = new MixedCluster(Timings.FAST);

    @Test
    void javaWithoutCompressionReadsGoCompressedTraffic() {
        GoPeer g1 = cluster.go("g1");
        JavaPeer j1 = cluster.java("j1", c -> c.enableCompression(false));
        assertThat(j1.join(g1.address())).as("a join that reads Go's compressed push/pull reply")
                .succeedsWithin(MixedCluster.WAIT);
        GoPeer g2 = cluster.go("g2", "-join", j1.address());
        assertThat(g2.await("joined", e -> true)).as("a join whose compressed push/pull Java reads")
                .containsEntry("joined", 1L);
        cluster.awaitConverged();

        g2.command("send j1 " + COMPRESSIBLE + " over tcp");
        g1.broadcastUntil(COMPRESSIBLE, () -> j1.user().messages().contains(COMPRESSIBLE));

        await("j1 reads Go's compressed message").atMost(MixedCluster.WAIT).until(() ->
                j1.user().messages().contains(COMPRESSIBLE + " over tcp"));
        assertThat(j1.telemetry().droppedByReason()).as("input j1 dropped").isEmpty();
    }

    @Test
    void goWithoutCompressionReadsJavaCompressedTraffic() {
        JavaPeer j1 = cluster.java("j1");
        GoPeer g1 = cluster.go("g1", "-compress=false", "-join", j1.address());
        assertThat(g1.await("joined", e -> true)).containsEntry("joined", 1L);
        cluster.awaitConverged();

        j1.user().broadcast(COMPRESSIBLE, 2);
        assertThat(j1.memberlist().sendReliable("g1", (COMPRESSIBLE + " over tcp").getBytes(StandardCharsets.UTF_8)))
                .succeedsWithin(MixedCluster.WAIT);

        g1.await("msg", e -> COMPRESSIBLE.equals(e.get("data")));
        g1.await("msg", e -> (COMPRESSIBLE + " over tcp").equals(e.get("data")));
        assertThat(g1.process().find(e -> "error".equals(e.get("event")))).isEmpty();
    }
}
