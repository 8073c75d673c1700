package dev.memberlist.transport.tls;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.MemberlistException;
import dev.memberlist.RecordingTelemetry;
import dev.memberlist.transport.netty.NoNettyLeaks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mutual TLS on the streams of real nodes on loopback: a node without a certificate the cluster
 * trusts, or without TLS, is refused and counted; certificates rotate to a new CA without a restart.
 */
@ExtendWith(NoNettyLeaks.class)
class StreamTlsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<Memberlist> nodes = new ArrayList<>();

    @AfterEach
    void close() {
        nodes.forEach(Memberlist::close);
    }

    @Test
    void aNodeWithACertificateFromAnotherCaIsRefusedAndCounted() {
        TestCertificates clusterCa = TestCertificates.authority("cluster-ca");
        RecordingTelemetry seedTelemetry = new RecordingTelemetry();
        Memberlist seed = start("seed", clusterCa.streamTlsFor("seed"), seedTelemetry);
        Memberlist stranger = start("stranger", TestCertificates.authority("other-ca").streamTlsFor("stranger"),
                new RecordingTelemetry());

        assertThat(stranger.join(List.of(seedAddress(seed)))).failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class).havingCause().isInstanceOf(MemberlistException.class);
        await().atMost(WAIT).until(() -> seedTelemetry.dropped("tls_refused") >= 1);
        assertThat(seed.members()).hasSize(1);
    }

    @Test
    void aNodeWithoutTlsIsRefusedAndCounted() {
        TestCertificates clusterCa = TestCertificates.authority("cluster-ca");
        RecordingTelemetry seedTelemetry = new RecordingTelemetry();
        Memberlist seed = start("seed", clusterCa.streamTlsFor("seed"), seedTelemetry);
        Memberlist plain = start("plain", null, new RecordingTelemetry());

        assertThat(plain.join(List.of(seedAddress(seed)))).failsWithin(WAIT);
        await().atMost(WAIT).until(() -> seedTelemetry.dropped("tls_refused") >= 1);
        assertThat(seed.members()).hasSize(1);
    }

    @Test
    void certificatesRotateToANewCaWithoutARestart() {
        TestCertificates oldCa = TestCertificates.authority("old-ca");
        TestCertificates newCa = TestCertificates.authority("new-ca");
        StreamTls aTls = oldCa.streamTlsFor("a");
        StreamTls bTls = oldCa.streamTlsFor("b");
        Memberlist a = start("a", aTls, new RecordingTelemetry());
        Memberlist b = start("b", bTls, new RecordingTelemetry());
        assertThat(b.join(List.of(seedAddress(a)))).succeedsWithin(WAIT);

        // Trust both CAs everywhere, then move every member to a certificate of the new one, then drop the old.
        aTls.update(oldCa.issue("a").keyManagers(), TestCertificates.trusting(oldCa, newCa));
        bTls.update(oldCa.issue("b").keyManagers(), TestCertificates.trusting(oldCa, newCa));
        aTls.update(newCa.issue("a").keyManagers(), TestCertificates.trusting(oldCa, newCa));
        assertThat(b.sendReliable("a", new byte[] {1})).as("a stream while the members hold certificates of both CAs")
                .succeedsWithin(WAIT);
        bTls.update(newCa.issue("b").keyManagers(), TestCertificates.trusting(oldCa, newCa));
        aTls.update(newCa.issue("a").keyManagers(), newCa.trustManagers());
        bTls.update(newCa.issue("b").keyManagers(), newCa.trustManagers());

        Memberlist fresh = start("fresh", newCa.streamTlsFor("fresh"), new RecordingTelemetry());
        assertThat(fresh.join(List.of(seedAddress(a)))).succeedsWithin(WAIT);
        Memberlist stale = start("stale", oldCa.streamTlsFor("stale"), new RecordingTelemetry());
        assertThat(stale.join(List.of(seedAddress(a)))).failsWithin(WAIT);
        await().atMost(WAIT).untilAsserted(() -> assertThat(b.members()).hasSize(3));
    }

    private Memberlist start(String name, StreamTls tls, RecordingTelemetry telemetry) {
        Memberlist node = Memberlist.create(MemberlistConfig.local()
                .name(name)
                .bindAddress("127.0.0.1")
                .bindPort(0)
                .streamTls(tls)
                .telemetry(telemetry)
                .build());
        nodes.add(node);
        return node;
    }

    private static String seedAddress(Memberlist node) {
        return "127.0.0.1:" + node.localNode().port();
    }
}
