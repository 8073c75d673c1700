package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.RecordingTelemetry;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.TransportHandler;
import dev.memberlist.transport.tls.StreamTls;
import dev.memberlist.transport.tls.TestCertificates;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.CodecSettings;
import dev.memberlist.wire.StreamCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What every stream layer of {@link NettyTransport} must do, over real sockets on 127.0.0.1: exchange
 * and send, deadlines, refusal, the stream limit, frame checks, the inbound buffer budget and
 * closing ({@link AuthenticatedStreamTransportContract} adds what layers with TLS must do). Each
 * subclass runs it on one layer; Netty's leak detector is paranoid throughout.
 */
@ExtendWith(NoNettyLeaks.class)
abstract class StreamTransportContract {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final byte[] PING = StreamFrameFixtures.pingRequest();
    static final byte[] ACK = StreamFrameFixtures.ackResponse();
    private static final TestCertificates CLUSTER_CA = TestCertificates.authority("cluster-ca");

    private final List<NettyTransport> transports = new ArrayList<>();

    /**
     * @param config a node's configuration, bound to 127.0.0.1 on port 0
     * @param tls the node's TLS, for layers that use it
     * @return the configuration with this layer's streams
     */
    abstract MemberlistConfig.Builder streams(MemberlistConfig.Builder config, StreamTls tls);

    @AfterEach
    void closeEveryTransport() {
        transports.forEach(NettyTransport::close);
    }

    @Test
    void exchangeWritesTheRequestAndReturnsTheResponseFrame() {
        RecordingTransportHandler bInbox = new RecordingTransportHandler(request -> ACK);
        NettyTransport a = start("a", new RecordingTransportHandler());
        NettyTransport b = start("b", bInbox);

        byte[] response = join(a.exchange(b.advertiseAddress(), PING, WAIT));

        assertThat(response).isEqualTo(ACK);
        InboundStream atB = bInbox.streams.poll();
        assertThat(atB.request()).isEqualTo(PING);
        assertThat(atB.remote().getAddress()).isEqualTo(a.boundAddress().getAddress());
    }

    @Test
    void sendDeliversAOneWayMessage() throws InterruptedException {
        RecordingTransportHandler bInbox = new RecordingTransportHandler();
        NettyTransport a = start("a", new RecordingTransportHandler());
        NettyTransport b = start("b", bInbox);
        byte[] message = new StreamCodec(CodecSettings.plain()).encodeRequest(
                StreamCodec.userMessage(Bytes.copyOf(new byte[] {'h', 'i'})));

        join(a.send(b.advertiseAddress(), message, WAIT));

        InboundStream atB = bInbox.streams.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(atB).isNotNull();
        assertThat(atB.request()).isEqualTo(message);
        atB.close();
    }

    @Test
    void concurrentExchangesOfEverySizeEachGetTheirOwnResponse() {
        NettyTransport a = start("a", new RecordingTransportHandler());
        NettyTransport b = start("b", new RecordingTransportHandler(request -> request.length == PING.length ? ACK
                : new StreamCodec(CodecSettings.plain()).encodeResponse(new byte[] {(byte) request.length})));
        byte[] large = StreamCodec.userMessage(Bytes.copyOf(new byte[3 * 1024 * 1024]));

        List<CompletableFuture<byte[]>> responses = IntStream.range(0, 20)
                .mapToObj(i -> a.exchange(b.advertiseAddress(), i == 7 ? large : PING, WAIT).toCompletableFuture())
                .toList();

        for (int i = 0; i < responses.size(); i++) {
            byte[] response = join(responses.get(i));
            if (i == 7) {
                assertThat(response).isNotEqualTo(ACK);
            } else {
                assertThat(response).isEqualTo(ACK);
            }
        }
    }

    @Test
    void exchangeWithNoListenerFailsWithinTheDeadline() {
        NettyTransport a = start("a", new RecordingTransportHandler());
        InetSocketAddress nobody = unusedGossipAddress();
        Duration deadline = Duration.ofMillis(500);

        CompletableFuture<byte[]> response = a.exchange(nobody, PING, deadline).toCompletableFuture();

        assertThatThrownBy(() -> response.get(deadline.plusSeconds(2).toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void exchangeWithAPeerThatNeverAnswersFailsAtTheDeadline() {
        NettyTransport a = start("a", new RecordingTransportHandler());
        NettyTransport silent = start("silent", new RecordingTransportHandler(), config -> config.tcpTimeout(Duration.ofSeconds(30)));
        Duration deadline = Duration.ofMillis(400);
        long startNanos = System.nanoTime();

        CompletableFuture<byte[]> response = a.exchange(silent.advertiseAddress(), PING, deadline).toCompletableFuture();

        assertThatThrownBy(response::join).hasCauseInstanceOf(TimeoutException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertThat(took).isBetween(deadline.minusMillis(20), deadline.plusSeconds(2));
    }

    @Test
    void streamsBeyondMaxInboundStreamsAreRefusedUntilOneCloses() throws InterruptedException {
        RecordingTransportHandler bInbox = new RecordingTransportHandler();
        NettyTransport a = start("a", new RecordingTransportHandler());
        NettyTransport b = start("b", bInbox, config -> config.maxInboundStreams(2).tcpTimeout(Duration.ofSeconds(30)));
        a.exchange(b.advertiseAddress(), PING, Duration.ofSeconds(30));
        a.exchange(b.advertiseAddress(), PING, Duration.ofSeconds(30));
        await().atMost(WAIT).until(() -> bInbox.streams.size() == 2);

        CompletableFuture<byte[]> refused = a.exchange(b.advertiseAddress(), PING, Duration.ofMillis(500)).toCompletableFuture();

        assertThatThrownBy(() -> refused.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(bInbox.streams).hasSize(2);
        bInbox.streams.poll().reply(ACK);
        await().atMost(WAIT).until(() -> b.openInboundStreams() == 1);

        CompletableFuture<byte[]> admitted = a.exchange(b.advertiseAddress(), PING, WAIT).toCompletableFuture();
        InboundStream held = bInbox.streams.poll();
        InboundStream third = bInbox.streams.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(third).as("a stream admitted once another closed").isNotNull();
        third.reply(ACK);
        assertThat(join(admitted)).isEqualTo(ACK);
        held.close();
    }

    @Test
    void anOversizedFrameIsDroppedAndCounted() {
        RecordingTelemetry bTelemetry = new RecordingTelemetry();
        RecordingTransportHandler bInbox = new RecordingTransportHandler(request -> ACK);
        NettyTransport a = start("a", new RecordingTransportHandler());
        NettyTransport b = start("b", bInbox, config -> config.telemetry(bTelemetry));

        CompletableFuture<byte[]> refused = a.exchange(b.advertiseAddress(), new byte[] {0x0a, 0x7f, 0, 0, 0}, WAIT)
                .toCompletableFuture();

        assertThatThrownBy(() -> refused.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(bTelemetry.dropped("stream_oversized")).isEqualTo(1);
        assertThat(bInbox.streams).isEmpty();
        assertThat(join(a.exchange(b.advertiseAddress(), PING, WAIT))).isEqualTo(ACK);
    }

    @Test
    void aStreamPastTheBufferBudgetIsClosedAndCountedWhileOthersComplete() {
        RecordingTelemetry bTelemetry = new RecordingTelemetry();
        NettyTransport a = start("a", new RecordingTransportHandler());
        NettyTransport b = start("b", new RecordingTransportHandler(request -> ACK),
                config -> config.inboundStreamBufferSize(1024 * 1024).telemetry(bTelemetry));
        byte[] tooLarge = StreamCodec.userMessage(Bytes.copyOf(new byte[1536 * 1024]));

        CompletableFuture<byte[]> refused = a.exchange(b.advertiseAddress(), tooLarge, WAIT).toCompletableFuture();

        assertThatThrownBy(() -> refused.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(bTelemetry.dropped("stream_buffer_budget")).isEqualTo(1);
        await().atMost(WAIT).until(() -> b.bufferedInboundStreamBytes() == 0);
        assertThat(join(a.exchange(b.advertiseAddress(), PING, WAIT))).isEqualTo(ACK);
    }

    @Test
    void closeFailsPendingStagesAndLaterCallsAndIsIdempotent() {
        NettyTransport closing = start("closing", new RecordingTransportHandler());
        NettyTransport silent = start("silent", new RecordingTransportHandler(), config -> config.tcpTimeout(Duration.ofSeconds(30)));
        CompletableFuture<byte[]> pending = closing.exchange(silent.advertiseAddress(), PING, Duration.ofSeconds(30))
                .toCompletableFuture();

        closing.close();
        closing.close();

        assertThatThrownBy(() -> pending.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(closing.exchange(silent.advertiseAddress(), PING, WAIT)).isCompletedExceptionally();
        assertThat(closing.send(silent.advertiseAddress(), PING, WAIT)).isCompletedExceptionally();
    }

    NettyTransport start(String name, TransportHandler handler) {
        return start(name, handler, UnaryOperator.identity());
    }

    NettyTransport start(String name, TransportHandler handler, UnaryOperator<MemberlistConfig.Builder> tweak) {
        return start(name, handler, CLUSTER_CA.streamTlsFor(name), tweak);
    }

    NettyTransport start(String name, TransportHandler handler, StreamTls tls, UnaryOperator<MemberlistConfig.Builder> tweak) {
        return start(handler, IoMode.best(), tweak.apply(streams(MemberlistConfig.local().name(name)
                .bindAddress("127.0.0.1").bindPort(0), tls)).build());
    }

    NettyTransport start(TransportHandler handler, IoMode mode, MemberlistConfig config) {
        NettyTransport transport = new NettyTransport(config, mode);
        transports.add(transport);
        transport.start(handler);
        return transport;
    }

    /** @return a gossip address on loopback where nothing listens for this layer's streams */
    private InetSocketAddress unusedGossipAddress() {
        NettyTransport probe = start("probe", new RecordingTransportHandler());
        InetSocketAddress gossip = probe.advertiseAddress();
        probe.close();
        return gossip;
    }

    static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }
}
