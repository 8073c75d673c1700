package dev.memberlist.transport.netty;

import dev.memberlist.transport.netty.StreamFrameFixtures.FrameCase;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.StreamCodec;
import dev.memberlist.wire.StreamFramer;
import dev.memberlist.wire.WireFormatException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.memberlist.transport.netty.StreamFrameFixtures.MAX_FRAME_BYTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamFrameDecoderTest {

    @RegisterExtension
    static final NoNettyLeaks LEAKS = NoNettyLeaks.collectingAfterAll();

    private final List<ByteBuf> written = new ArrayList<>();
    private StreamBufferBudget budget = new StreamBufferBudget(MAX_FRAME_BYTES);

    static List<FrameCase> everyShape() {
        return StreamFrameFixtures.everyShape();
    }

    @ParameterizedTest
    @MethodSource("everyShape")
    void frameFedOneByteAtATimeIsEmittedWhenItsLastByteArrives(FrameCase frame) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder(frame.side()));

        for (int i = 0; i < frame.frame().length; i++) {
            channel.writeInbound(buffer(frame.frame()[i]));
            if (i < frame.frame().length - 1) {
                assertThat(channel.<Object>readInbound()).as("output after %d of %d bytes", i + 1, frame.frame().length)
                        .isNull();
            }
        }

        byte[] emitted = channel.readInbound();
        assertThat(emitted).isEqualTo(frame.frame());
        assertThat(decodes(frame, emitted)).isTrue();
        assertThat(channel.finish()).isFalse();
        assertAllReleased();
    }

    @ParameterizedTest
    @MethodSource("everyShape")
    void frameArrivingInOneChunkWithMoreBytesBehindIsEmittedAlone(FrameCase frame) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder(frame.side()));
        byte[] withTail = Arrays.copyOf(frame.frame(), frame.frame().length + 3);

        channel.writeInbound(buffer(withTail));
        channel.writeInbound(buffer((byte) 0xff, (byte) 0xff));

        assertThat((byte[]) channel.readInbound()).isEqualTo(frame.frame());
        assertThat(channel.<Object>readInbound()).isNull();
        assertThat(channel.finish()).isFalse();
        assertAllReleased();
    }

    @Test
    void stopsReadingOnceTheFrameHasArrived() {
        EmbeddedChannel channel = new EmbeddedChannel(decoder(StreamFramer.Side.REQUEST));
        byte[] request = StreamFrameFixtures.pingRequest();

        channel.writeInbound(buffer(Arrays.copyOf(request, request.length - 1)));
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.writeInbound(buffer(request[request.length - 1]));

        assertThat(channel.config().isAutoRead()).isFalse();
        assertThat((byte[]) channel.readInbound()).isEqualTo(request);
        channel.finishAndReleaseAll();
        assertAllReleased();
    }

    @Test
    void garbageFailsWithTheWireReasonAndLaterBytesAreDiscarded() {
        EmbeddedChannel channel = new EmbeddedChannel(decoder(StreamFramer.Side.REQUEST));

        assertThatThrownBy(() -> channel.writeInbound(buffer((byte) 0xee, (byte) 0x01)))
                .isInstanceOf(DecoderException.class)
                .cause().isInstanceOf(WireFormatException.class)
                .satisfies(cause -> assertThat(((WireFormatException) cause).reason())
                        .isEqualTo(WireFormatException.Reason.UNKNOWN_TYPE));
        channel.writeInbound(buffer(StreamFrameFixtures.pingRequest()));

        assertThat(channel.<Object>readInbound()).isNull();
        assertThat(channel.finish()).isFalse();
        assertAllReleased();
    }

    @Test
    void encryptedFrameDeclaringMoreThanTheLimitFailsBeforeItsBodyArrives() {
        EmbeddedChannel channel = new EmbeddedChannel(decoder(StreamFramer.Side.REQUEST));

        assertThatThrownBy(() -> channel.writeInbound(buffer((byte) 0x0a, (byte) 0x7f, (byte) 0, (byte) 0, (byte) 0)))
                .isInstanceOf(DecoderException.class)
                .satisfies(failure -> assertThat(((WireFormatException) failure.getCause()).reason())
                        .isEqualTo(WireFormatException.Reason.OVERSIZED));
        assertThat(channel.finish()).isFalse();
        assertAllReleased();
    }

    @Test
    void responseSideRejectsALabelHeader() {
        EmbeddedChannel channel = new EmbeddedChannel(decoder(StreamFramer.Side.RESPONSE));

        assertThatThrownBy(() -> channel.writeInbound(buffer((byte) 244, (byte) 1, (byte) 'a')))
                .isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(WireFormatException.class);
        assertThat(channel.finish()).isFalse();
        assertAllReleased();
    }

    @Test
    void streamEndingBeforeTheFrameIsCompleteEmitsNothing() {
        EmbeddedChannel channel = new EmbeddedChannel(decoder(StreamFramer.Side.REQUEST));
        byte[] request = StreamFrameFixtures.pingRequest();

        channel.writeInbound(buffer(Arrays.copyOf(request, request.length / 2)));

        assertThat(channel.finish()).isFalse();
        assertAllReleased();
    }

    @Test
    void streamsPastTheSharedBufferBudgetFailWhileTheOthersCarryOn() {
        budget = new StreamBufferBudget(8 * 1024);
        byte[] frame = StreamCodec.userMessage(Bytes.copyOf(new byte[3400]));
        EmbeddedChannel first = new EmbeddedChannel(decoder(StreamFramer.Side.REQUEST));
        EmbeddedChannel second = new EmbeddedChannel(decoder(StreamFramer.Side.REQUEST));
        EmbeddedChannel third = new EmbeddedChannel(decoder(StreamFramer.Side.REQUEST));

        first.writeInbound(buffer(Arrays.copyOf(frame, 3000)));
        second.writeInbound(buffer(Arrays.copyOf(frame, 3000)));
        assertThat(budget.reservedBytes()).as("two buffers of 4 KiB").isEqualTo(8 * 1024);
        assertThatThrownBy(() -> third.writeInbound(buffer(Arrays.copyOf(frame, 100))))
                .isInstanceOf(DecoderException.class)
                .cause().isInstanceOf(StreamBufferBudgetException.class);
        third.writeInbound(buffer(Arrays.copyOfRange(frame, 100, frame.length)));
        first.writeInbound(buffer(Arrays.copyOfRange(frame, 3000, frame.length)));

        assertThat(third.<Object>readInbound()).isNull();
        assertThat((byte[]) first.readInbound()).isEqualTo(frame);
        assertThat(budget.reservedBytes()).as("the first stream's frame and the second's buffer")
                .isEqualTo(frame.length + 4 * 1024);
        for (EmbeddedChannel channel : List.of(first, second, third)) {
            assertThat(channel.finish()).isFalse();
        }
        assertAllReleased();
    }

    @Test
    void aFrameTooLargeForTheLimitNeverBuffersMoreThanTheLimit() {
        budget = new StreamBufferBudget(MAX_FRAME_BYTES);
        EmbeddedChannel channel = new EmbeddedChannel(new StreamFrameDecoder(StreamFramer.Side.REQUEST, 1000, budget));
        byte[] nested = new byte[5000];
        Arrays.fill(nested, (byte) 0x91);
        nested[0] = 0;

        assertThatThrownBy(() -> channel.writeInbound(buffer(nested)))
                .isInstanceOf(DecoderException.class)
                .satisfies(failure -> assertThat(((WireFormatException) failure.getCause()).reason())
                        .isEqualTo(WireFormatException.Reason.OVERSIZED));
        assertThat(budget.reservedBytes()).isEqualTo(1001);
        assertThat(channel.finish()).isFalse();
        assertAllReleased();
    }

    private StreamFrameDecoder decoder(StreamFramer.Side side) {
        return new StreamFrameDecoder(side, MAX_FRAME_BYTES, budget);
    }

    private static boolean decodes(FrameCase frame, byte[] bytes) {
        return frame.side() == StreamFramer.Side.REQUEST
                ? frame.codec().decodeRequest(bytes) != null
                : frame.codec().decodeResponse(bytes) != null;
    }

    private ByteBuf buffer(byte... bytes) {
        ByteBuf buffer = Unpooled.copiedBuffer(bytes);
        written.add(buffer);
        return buffer;
    }

    private void assertAllReleased() {
        assertThat(written).allSatisfy(buffer -> assertThat(buffer.refCnt()).as("refCnt").isZero());
        assertThat(budget.reservedBytes()).as("bytes still reserved from the stream buffer budget").isZero();
    }
}
