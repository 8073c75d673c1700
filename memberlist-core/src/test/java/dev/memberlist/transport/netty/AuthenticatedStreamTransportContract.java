package dev.memberlist.transport.netty;

import dev.memberlist.RecordingTelemetry;
import dev.memberlist.transport.tls.StreamTls;
import dev.memberlist.transport.tls.TestCertificates;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The stream contract for layers that authenticate peers with mutual TLS: an untrusted peer is
 * refused and counted, and rotated certificates decide the next streams.
 */
abstract class AuthenticatedStreamTransportContract extends StreamTransportContract {

    @Test
    void aPeerWithACertificateFromAnotherCaIsRefusedAndCounted() {
        RecordingTelemetry bTelemetry = new RecordingTelemetry();
        NettyTransport b = start("b", new RecordingTransportHandler(request -> ACK), config -> config.telemetry(bTelemetry));
        NettyTransport stranger = start("stranger", new RecordingTransportHandler(),
                TestCertificates.authority("other-ca").streamTlsFor("stranger"), UnaryOperator.identity());

        CompletableFuture<byte[]> refused = stranger.exchange(b.advertiseAddress(), PING, WAIT).toCompletableFuture();

        assertThatThrownBy(() -> refused.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS)).isInstanceOf(ExecutionException.class);
        // A QUIC peer that refuses this node's certificate may just vanish: its handshake deadline counts it.
        await().atMost(WAIT.multipliedBy(2)).until(() -> bTelemetry.dropped("tls_refused") >= 1);
    }

    @Test
    void rotatedCertificatesDecideTheNextStreams() {
        TestCertificates oldCa = TestCertificates.authority("old-ca");
        TestCertificates newCa = TestCertificates.authority("new-ca");
        StreamTls aTls = oldCa.streamTlsFor("a");
        StreamTls bTls = oldCa.streamTlsFor("b");
        RecordingTelemetry bTelemetry = new RecordingTelemetry();
        NettyTransport a = start("a", new RecordingTransportHandler(), aTls, UnaryOperator.identity());
        NettyTransport b = start("b", new RecordingTransportHandler(request -> ACK), bTls, config -> config.telemetry(bTelemetry));
        assertThat(join(a.exchange(b.advertiseAddress(), PING, WAIT))).isEqualTo(ACK);

        bTls.update(newCa.issue("b").keyManagers(), newCa.trustManagers());

        for (int attempt = 0; attempt < 2; attempt++) {
            CompletableFuture<byte[]> stale = a.exchange(b.advertiseAddress(), PING, WAIT).toCompletableFuture();
            assertThatThrownBy(() -> stale.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS))
                    .as("a stream from a member still on the old CA").isInstanceOf(ExecutionException.class);
        }
        // A QUIC peer that refuses this node's certificate may just vanish: its handshake deadline counts it.
        await().atMost(WAIT.multipliedBy(2)).until(() -> bTelemetry.dropped("tls_refused") >= 1);
        aTls.update(newCa.issue("a").keyManagers(), TestCertificates.trusting(oldCa, newCa));
        assertThat(join(a.exchange(b.advertiseAddress(), PING, WAIT))).isEqualTo(ACK);
    }
}
