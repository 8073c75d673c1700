package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.MemberlistException;
import dev.memberlist.RecordingTelemetry;
import dev.memberlist.transport.InboundPacket;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.TransportHandler;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.StreamCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The transport SPI over real sockets on 127.0.0.1, once with NIO and once with epoll: datagrams,
 * binding, and the TCP cases that need raw sockets. What every stream layer must do is in
 * {@link StreamTransportContract}.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"nio", "epoll"})
@ExtendWith(NoNettyLeaks.class)
class NettyTransportIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final byte[] PING = StreamFrameFixtures.pingRequest();
    private static final byte[] ACK = StreamFrameFixtures.ackResponse();

    @Parameter
    String modeName;

    private IoMode mode;
    private final List<NettyTransport> transports = new ArrayList<>();
    private final List<AutoCloseable> sockets = new ArrayList<>();

    @BeforeEach
    void chooseMode() {
        if (modeName.equals("epoll")) {
            mode = EpollMode.createIfAvailable();
            assertThat(mode).as("Netty's native epoll transport loads on this Linux x86_64 machine").isNotNull();
        } else {
            mode = IoMode.nio();
        }
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (NettyTransport transport : transports) {
            transport.close();
        }
        for (AutoCloseable socket : sockets) {
            socket.close();
        }
    }

    @Test
    void datagramsTravelBothWaysFromTheGossipPort() {
        RecordingTransportHandler aInbox = new RecordingTransportHandler();
        RecordingTransportHandler bInbox = new RecordingTransportHandler();
        NettyTransport a = start("a", aInbox);
        NettyTransport b = start("b", bInbox);

        a.sendPacket(b.advertiseAddress(), new byte[] {1, 2, 3}).toCompletableFuture().join();
        b.sendPacket(a.advertiseAddress(), new byte[] {4, 5}).toCompletableFuture().join();

        InboundPacket atB = next(bInbox);
        assertThat(atB.payload()).containsExactly(1, 2, 3);
        assertThat(atB.from()).isEqualTo(a.boundAddress());
        InboundPacket atA = next(aInbox);
        assertThat(atA.payload()).containsExactly(4, 5);
        assertThat(atA.from()).isEqualTo(b.boundAddress());
    }

    @Test
    void datagramOf60KibArrivesWhole() {
        RecordingTransportHandler bInbox = new RecordingTransportHandler();
        NettyTransport a = start("a", new RecordingTransportHandler());
        NettyTransport b = start("b", bInbox);
        byte[] large = new byte[60 * 1024];
        Arrays.fill(large, (byte) 7);
        large[large.length - 1] = 9;

        a.sendPacket(b.advertiseAddress(), large).toCompletableFuture().join();

        assertThat(next(bInbox).payload()).isEqualTo(large);
    }

    @Test
    void exchangeWithAClosedPortFailsFast() throws IOException {
        NettyTransport a = start("a", new RecordingTransportHandler());
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, a.boundAddress().getAddress())) {
            closedPort = probe.getLocalPort();
        }
        long startNanos = System.nanoTime();

        CompletableFuture<byte[]> response = a.exchange(
                new InetSocketAddress(a.boundAddress().getAddress(), closedPort), PING, Duration.ofSeconds(10))
                .toCompletableFuture();

        assertThatThrownBy(response::join).hasMessageContaining("Connection refused");
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void streamsBeyondMaxInboundStreamsAreRefusedUntilOneCloses() throws IOException {
        RecordingTelemetry bTelemetry = new RecordingTelemetry();
        RecordingTransportHandler bInbox = new RecordingTransportHandler(request -> ACK);
        NettyTransport a = start("a", new RecordingTransportHandler());
        NettyTransport b = start("b", bInbox, config -> config.maxInboundStreams(2).telemetry(bTelemetry));
        Socket first = idleConnection(b);
        idleConnection(b);
        await().atMost(WAIT).until(() -> b.openInboundStreams() == 2);

        CompletableFuture<byte[]> refused = a.exchange(b.advertiseAddress(), PING, WAIT).toCompletableFuture();

        // The refused connection ends with EOF on NIO and with a reset on epoll: either fails the exchange.
        assertThatThrownBy(refused::join).isInstanceOf(CompletionException.class);
        assertThat(bTelemetry.dropped("too_many_streams")).isEqualTo(1);
        assertThat(bInbox.streams).isEmpty();

        first.close();
        await().atMost(WAIT).until(() -> b.openInboundStreams() == 1);
        assertThat(join(a.exchange(b.advertiseAddress(), PING, WAIT))).isEqualTo(ACK);
    }

    @Test
    void streamsPastTheBufferBudgetAreClosedWhileTheOthersComplete() throws IOException, InterruptedException {
        int budget = 1024 * 1024;
        int perStream = 256 * 1024;
        RecordingTelemetry bTelemetry = new RecordingTelemetry();
        RecordingTransportHandler bInbox = new RecordingTransportHandler(request -> ACK);
        NettyTransport a = start("a", new RecordingTransportHandler());
        NettyTransport b = start("b", bInbox, config -> config.inboundStreamBufferSize(budget)
                .tcpTimeout(Duration.ofSeconds(30)).telemetry(bTelemetry));
        // Each request needs a 256 KiB buffer and holds back its last byte, as a slow sender would.
        byte[] request = StreamCodec.userMessage(Bytes.copyOf(new byte[200 * 1024]));
        List<Socket> slow = new ArrayList<>();
        for (int i = 1; i <= budget / perStream; i++) {
            Socket socket = idleConnection(b);
            socket.getOutputStream().write(request, 0, request.length - 1);
            slow.add(socket);
            long expected = (long) i * perStream;
            await().atMost(WAIT).until(() -> b.bufferedInboundStreamBytes() == expected);
        }

        Socket overBudget = idleConnection(b);
        overBudget.setSoTimeout((int) WAIT.toMillis());
        overBudget.getOutputStream().write(request, 0, request.length - 1);

        assertThat(readUntilClosed(overBudget)).as("bytes answered to the stream over budget").isZero();
        assertThat(bTelemetry.dropped("stream_buffer_budget")).isEqualTo(1);
        await().atMost(WAIT).until(() -> b.bufferedInboundStreamBytes() == budget);
        for (Socket socket : slow) {
            socket.getOutputStream().write(request[request.length - 1]);
        }
        for (int i = 0; i < slow.size(); i++) {
            InboundStream stream = bInbox.streams.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(stream).as("request %d of %d", i + 1, slow.size()).isNotNull();
            assertThat(stream.request()).isEqualTo(request);
        }
        await().atMost(WAIT).until(() -> b.bufferedInboundStreamBytes() == 0);
        assertThat(join(a.exchange(b.advertiseAddress(), PING, WAIT))).isEqualTo(ACK);
        assertThat(bTelemetry.dropped("stream_buffer_budget")).isEqualTo(1);
    }

    @Test
    void closeFailsPendingStagesStopsEveryIoThreadAndIsIdempotent() throws IOException {
        Set<String> before = ioThreadNames();
        NettyTransport c = start("closing", new RecordingTransportHandler());
        ServerSocket silent = silentPeer();
        CompletableFuture<byte[]> pending = c.exchange((InetSocketAddress) silent.getLocalSocketAddress(), PING,
                Duration.ofSeconds(30)).toCompletableFuture();
        assertThat(ioThreadNames()).anyMatch(name -> name.startsWith("memberlist-io-closing-"));

        c.close();
        c.close();

        assertThatThrownBy(() -> pending.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class);
        await().atMost(WAIT).until(() -> ioThreadNames().equals(before));
        assertThat(c.sendPacket(c.boundAddress(), new byte[] {1})).isCompletedExceptionally();
        assertThat(c.exchange(c.boundAddress(), PING, WAIT)).isCompletedExceptionally();
    }

    @Test
    void bindingAPortInUseFailsWithAClearMessageAndLeavesNothingRunning() {
        NettyTransport a = start("a", new RecordingTransportHandler());
        Set<String> before = ioThreadNames();
        int taken = a.boundAddress().getPort();
        NettyTransport second = new NettyTransport(config("second").bindPort(taken).build(), mode);

        assertThatThrownBy(() -> second.start(new RecordingTransportHandler()))
                .isInstanceOf(MemberlistException.class)
                .hasMessage("failed to bind 127.0.0.1:" + taken + " (TCP): Address already in use");
        await().atMost(WAIT).until(() -> ioThreadNames().equals(before));
    }

    @Test
    void ipv6LoopbackCarriesDatagramsAndStreams() {
        RecordingTransportHandler bInbox = new RecordingTransportHandler(request -> ACK);
        NettyTransport a = start("a6", new RecordingTransportHandler(), config -> config.bindAddress("::1"));
        NettyTransport b = start("b6", bInbox, config -> config.bindAddress("::1"));

        a.sendPacket(b.advertiseAddress(), new byte[] {6}).toCompletableFuture().join();

        assertThat(b.advertiseAddress().getAddress().getAddress()).hasSize(16);
        assertThat(next(bInbox).payload()).containsExactly(6);
        assertThat(join(a.exchange(b.advertiseAddress(), PING, WAIT))).isEqualTo(ACK);
    }

    private NettyTransport start(String name, TransportHandler handler) {
        return start(name, handler, UnaryOperator.identity());
    }

    private NettyTransport start(String name, TransportHandler handler, UnaryOperator<MemberlistConfig.Builder> tweak) {
        NettyTransport transport = new NettyTransport(tweak.apply(config(name)).build(), mode);
        transports.add(transport);
        transport.start(handler);
        return transport;
    }

    private static MemberlistConfig.Builder config(String name) {
        return MemberlistConfig.local().name(name).bindAddress("127.0.0.1").bindPort(0);
    }

    private ServerSocket silentPeer() throws IOException {
        ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        sockets.add(silent);
        return silent;
    }

    private Socket idleConnection(NettyTransport to) throws IOException {
        Socket socket = new Socket(to.boundAddress().getAddress(), to.boundAddress().getPort());
        sockets.add(socket);
        return socket;
    }

    /** @return how many bytes the peer sent before it closed the connection (a reset counts as closed) */
    private static int readUntilClosed(Socket socket) throws IOException {
        int received = 0;
        try {
            while (socket.getInputStream().read() >= 0) {
                received++;
            }
        } catch (SocketException reset) {
            // epoll may reset the connection rather than end it; either way the peer closed it.
        }
        return received;
    }

    private static InboundPacket next(RecordingTransportHandler inbox) {
        try {
            InboundPacket packet = inbox.packets.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(packet).as("a datagram within " + WAIT).isNotNull();
            return packet;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> ioThreadNames() {
        Set<String> names = new TreeSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("memberlist-io-") && thread.isAlive()) {
                names.add(thread.getName());
            }
        }
        return names;
    }
}
