package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistException;
import dev.memberlist.transport.netty.StreamFrameFixtures.FrameCase;
import dev.memberlist.wire.StreamFramer;
import dev.memberlist.wire.WireFormatException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static dev.memberlist.transport.netty.StreamFrameFixtures.MAX_FRAME_BYTES;
import static org.assertj.core.api.Assertions.assertThat;

class StreamResponseHandlerTest {

    @RegisterExtension
    static final NoNettyLeaks LEAKS = NoNettyLeaks.collectingAfterAll();

    private final CompletableFuture<byte[]> response = new CompletableFuture<>();
    private final EmbeddedChannel channel = new InetEmbeddedChannel(
            new StreamFrameDecoder(StreamFramer.Side.RESPONSE, MAX_FRAME_BYTES, StreamBufferBudget.unlimited()), new StreamResponseHandler(response));

    static List<FrameCase> everyResponseShape() {
        return StreamFrameFixtures.everyShape().stream()
                .filter(frame -> frame.side() == StreamFramer.Side.RESPONSE)
                .collect(Collectors.toList());
    }

    @ParameterizedTest
    @MethodSource("everyResponseShape")
    void responseFedOneByteAtATimeCompletesTheExchangeAndClosesTheStream(FrameCase frame) {
        for (int i = 0; i < frame.frame().length; i++) {
            assertThat(response).isNotDone();
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {frame.frame()[i]}));
        }

        assertThat(response).isCompletedWithValueMatching(bytes -> Arrays.equals(bytes, frame.frame()));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void streamClosedBeforeAWholeResponseFailsTheExchange() {
        byte[] ack = StreamFrameFixtures.ackResponse();
        channel.writeInbound(Unpooled.wrappedBuffer(ack, 0, ack.length - 1));

        channel.close();

        assertThat(response).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(MemberlistException.class)
                .withMessageContaining("closed without a response");
    }

    @Test
    void garbageFailsTheExchangeWithTheWireErrorAndClosesTheStream() {
        ByteBuf garbage = Unpooled.wrappedBuffer(new byte[] {(byte) 0xee, 0, 0});

        channel.writeInbound(garbage);

        assertThat(response).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(WireFormatException.class);
        assertThat(channel.isOpen()).isFalse();
        assertThat(garbage.refCnt()).isZero();
    }
}
