package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistException;
import dev.memberlist.RecordingTelemetry;
import dev.memberlist.UserSendQueueFullException;
import dev.memberlist.internal.DropSummaryLog;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class UserDatagramQueueTest {

    private static final InetSocketAddress TO = new InetSocketAddress("127.0.0.1", 7946);

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final RecordingTelemetry telemetry = new RecordingTelemetry();

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    @Test
    void refusesUserDatagramsBeyondItsBoundWithATypedCauseAndCountsEveryRefusal() {
        UserDatagramQueue queue = queue(4, 2);
        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            accepted.add(queue.offer(TO, new byte[] {(byte) i}).toCompletableFuture());
        }
        CompletableFuture<Void> refused = queue.offer(TO, new byte[] {4}).toCompletableFuture();
        queue.offer(TO, new byte[] {5});

        assertThat(refused).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(UserSendQueueFullException.class);
        assertThat(telemetry.outputDroppedFor("user_send_queue_full")).isEqualTo(2);
        assertThat(queue.pending()).isEqualTo(4);

        List<Byte> written = runLoop().stream().map(bytes -> bytes[0]).toList();

        assertThat(written).containsExactly((byte) 0, (byte) 1, (byte) 2, (byte) 3);
        assertThat(accepted).allSatisfy(sent -> assertThat(sent).isCompleted());
        assertThat(queue.pending()).isZero();
        assertThat(queue.offer(TO, new byte[] {6})).as("room again once written").isNotCompleted();
    }

    /** On a real event loop and socket: the loop is held while 100 user datagrams and then an ack queue up. */
    @Test
    void aProtocolPacketWaitsBehindAtMostOneBatchOfUserDatagrams() throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            receiver.setSoTimeout(10_000);
            InetSocketAddress to = (InetSocketAddress) receiver.getLocalSocketAddress();
            Channel udp = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .handler(new ChannelInboundHandlerAdapter()).bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            UserDatagramQueue queue = new UserDatagramQueue(udp, 1024, 8, telemetry,
                    new DropSummaryLog(NOPLogger.NOP_LOGGER, "test", Duration.ofSeconds(10), System::nanoTime));
            CountDownLatch hold = new CountDownLatch(1);
            udp.eventLoop().execute(() -> awaitQuietly(hold));
            for (int i = 0; i < 100; i++) {
                queue.offer(to, new byte[] {1});
            }
            udp.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(new byte[] {9}), to));
            hold.countDown();

            int ackAt = -1;
            for (int i = 0; i < 101; i++) {
                java.net.DatagramPacket received = new java.net.DatagramPacket(new byte[16], 16);
                receiver.receive(received);
                if (received.getData()[0] == 9) {
                    ackAt = i;
                }
            }
            assertThat(ackAt).as("position of the ack among 100 user datagrams queued before it").isEqualTo(8);
            udp.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void closingFailsWhatWaitsAndRefusesWhatComesAfter() {
        UserDatagramQueue queue = queue(16, 4);
        CompletableFuture<Void> waiting = queue.offer(TO, new byte[] {1}).toCompletableFuture();

        queue.close();

        assertThat(waiting).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(MemberlistException.class).withMessageContaining("closed");
        assertThat(queue.offer(TO, new byte[] {2})).isCompletedExceptionally();
        assertThat(queue.pending()).isZero();
        assertThat(runLoop()).isEmpty();
    }

    private UserDatagramQueue queue(int capacity, int batch) {
        return new UserDatagramQueue(channel, capacity, batch, telemetry,
                new DropSummaryLog(NOPLogger.NOP_LOGGER, "test", Duration.ofSeconds(10), System::nanoTime));
    }

    /** Runs the loop's tasks, scheduled ones included, until it is idle; returns what was written, in order. */
    private List<byte[]> runLoop() {
        List<byte[]> written = new ArrayList<>();
        for (int turn = 0; turn < 1000; turn++) {
            channel.runPendingTasks();
            channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
            DatagramPacket packet;
            boolean any = false;
            while ((packet = channel.readOutbound()) != null) {
                written.add(ByteBufUtil.getBytes(packet.content()));
                packet.release();
                any = true;
            }
            if (!any && !channel.hasPendingTasks()) {
                break;
            }
        }
        return written;
    }
}
