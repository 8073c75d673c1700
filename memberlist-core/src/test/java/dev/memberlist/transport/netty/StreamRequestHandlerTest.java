package dev.memberlist.transport.netty;

import dev.memberlist.RecordingTelemetry;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.netty.StreamFrameFixtures.FrameCase;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.StreamCodec;
import dev.memberlist.wire.StreamFramer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.memberlist.transport.netty.StreamFrameFixtures.MAX_FRAME_BYTES;
import static org.assertj.core.api.Assertions.assertThat;

class StreamRequestHandlerTest {

    @RegisterExtension
    static final NoNettyLeaks LEAKS = NoNettyLeaks.collectingAfterAll();

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final byte[] RESPONSE = StreamFrameFixtures.ackResponse();

    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private final RecordingTransportHandler handler = new RecordingTransportHandler();
    private final StreamLimitHandler limit = new StreamLimitHandler(2, telemetry);

    static List<FrameCase> everyRequestShape() {
        return StreamFrameFixtures.everyShape().stream()
                .filter(frame -> frame.side() == StreamFramer.Side.REQUEST)
                .collect(Collectors.toList());
    }

    @ParameterizedTest
    @MethodSource("everyRequestShape")
    void requestFedOneByteAtATimeIsHandedOverOnceComplete(FrameCase frame) {
        EmbeddedChannel channel = acceptStream();

        for (int i = 0; i < frame.frame().length; i++) {
            assertThat(handler.streams).isEmpty();
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {frame.frame()[i]}));
        }

        assertThat(handler.streams).singleElement().satisfies(stream -> {
            assertThat(stream.request()).isEqualTo(frame.frame());
            assertThat(stream.remote()).isEqualTo(InetEmbeddedChannel.REMOTE);
        });
        assertThat(channel.isOpen()).isTrue();
        assertThat(telemetry.droppedByReason()).isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    void replyWritesTheResponseAndThenClosesTheStreamOnce() {
        EmbeddedChannel channel = acceptStream();
        InboundStream stream = receive(channel, StreamFrameFixtures.pingRequest());

        stream.reply(RESPONSE);
        stream.reply(new byte[] {1, 2, 3});
        stream.close();

        assertThat(readOutbound(channel)).isEqualTo(RESPONSE);
        assertThat(channel.<Object>readOutbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
        assertThat(limit.openStreams()).isZero();
    }

    @Test
    void closeEndsTheStreamWithoutAResponse() {
        EmbeddedChannel channel = acceptStream();
        InboundStream stream = receive(channel, StreamFrameFixtures.pingRequest());

        stream.close();
        stream.reply(RESPONSE);

        assertThat(channel.<Object>readOutbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void garbageClosesTheStreamAndIsReportedAsDroppedInput() {
        EmbeddedChannel channel = acceptStream();
        ByteBuf garbage = Unpooled.wrappedBuffer(new byte[] {(byte) 0xee, 1, 2, 3});

        channel.writeInbound(garbage);

        assertThat(channel.isOpen()).isFalse();
        assertThat(garbage.refCnt()).isZero();
        assertThat(handler.streams).isEmpty();
        assertThat(telemetry.droppedByReason()).containsExactly(Map.entry("stream_unknown_type", 1L));
    }

    @Test
    void oversizedFrameClosesTheStreamAndIsReportedAsDroppedInput() {
        EmbeddedChannel channel = acceptStream();

        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x0a, 0x7f, 0, 0, 0}));

        assertThat(channel.isOpen()).isFalse();
        assertThat(telemetry.dropped("stream_oversized")).isEqualTo(1);
    }

    @Test
    void streamBeyondTheLimitIsRefusedUntilAnotherCloses() {
        EmbeddedChannel first = acceptStream();
        EmbeddedChannel second = acceptStream();

        EmbeddedChannel refused = acceptStream();

        assertThat(refused.isOpen()).isFalse();
        assertThat(telemetry.dropped("too_many_streams")).isEqualTo(1);
        assertThat(limit.openStreams()).isEqualTo(2);
        assertThat(second.isOpen()).isTrue();

        first.close();
        EmbeddedChannel admitted = acceptStream();

        assertThat(admitted.isOpen()).isTrue();
        assertThat(limit.openStreams()).isEqualTo(2);
        assertThat(telemetry.dropped("too_many_streams")).isEqualTo(1);
        second.close();
        admitted.close();
        assertThat(limit.openStreams()).isZero();
    }

    @Test
    void streamStillOpenAtItsDeadlineIsClosed() {
        EmbeddedChannel channel = acceptStream();
        channel.freezeTime();
        channel.writeInbound(Unpooled.wrappedBuffer(StreamFrameFixtures.pingRequest(), 0, 3));

        channel.advanceTimeBy(DEADLINE.toMillis() - 100, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();

        channel.advanceTimeBy(100, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(handler.streams).isEmpty();
    }

    @Test
    void replyAfterTheDeadlineIsDroppedWithoutLeaking() {
        EmbeddedChannel channel = acceptStream();
        InboundStream stream = receive(channel, StreamFrameFixtures.pingRequest());

        channel.advanceTimeBy(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        stream.reply(RESPONSE);

        assertThat(channel.isOpen()).isFalse();
        assertThat(channel.<Object>readOutbound()).isNull();
    }

    @Test
    void streamPastTheBufferBudgetIsClosedAndReportedAsDroppedWhileASmallerOneIsServed() {
        StreamBufferBudget budget = new StreamBufferBudget(1024);
        EmbeddedChannel greedy = acceptStream(budget);
        EmbeddedChannel modest = acceptStream(budget);

        greedy.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOf(StreamCodec.userMessage(Bytes.copyOf(new byte[4000])), 2000)));
        InboundStream served = receive(modest, StreamFrameFixtures.pingRequest());

        assertThat(greedy.isOpen()).isFalse();
        assertThat(telemetry.droppedByReason()).containsExactly(Map.entry("stream_buffer_budget", 1L));
        served.reply(RESPONSE);
        assertThat(readOutbound(modest)).isEqualTo(RESPONSE);
        assertThat(budget.reservedBytes()).isZero();
    }

    private EmbeddedChannel acceptStream() {
        return acceptStream(new StreamBufferBudget(MAX_FRAME_BYTES));
    }

    private EmbeddedChannel acceptStream(StreamBufferBudget budget) {
        return new InetEmbeddedChannel(limit, new StreamFrameDecoder(StreamFramer.Side.REQUEST, MAX_FRAME_BYTES, budget),
                new StreamRequestHandler(handler, telemetry, DEADLINE, InetEmbeddedChannel.REMOTE));
    }

    private InboundStream receive(EmbeddedChannel channel, byte[] request) {
        channel.writeInbound(Unpooled.wrappedBuffer(request));
        assertThat(handler.streams).hasSize(1);
        return handler.streams.poll();
    }

    private static byte[] readOutbound(EmbeddedChannel channel) {
        ByteBuf written = channel.readOutbound();
        try {
            return ByteBufUtil.getBytes(written);
        } finally {
            written.release();
        }
    }
}
