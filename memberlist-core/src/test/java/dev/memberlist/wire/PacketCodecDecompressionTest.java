package dev.memberlist.wire;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.memberlist.wire.PacketCodecTest.assertReason;
import static dev.memberlist.wire.WireFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The packet decoder's decompression budget and its refusal of compression nested in compressed data. */
class PacketCodecDecompressionTest {

    private static final int BUDGET = PacketCodec.MAX_DECOMPRESSED_BYTES;
    private static final int MAX_UDP_PAYLOAD = 65_507;
    private static final Message PING = MessageCodec.decode(bytes(WireFixtures.PING_FULL));
    private static final Message SUSPECT = MessageCodec.decode(bytes(WireFixtures.SUSPECT));

    private final PacketCodec codec = new PacketCodec(CodecSettings.plain());

    @Test
    void aDatagramExpandingHugelyIsDroppedWithoutAllocatingMuchPastTheBudget() {
        AllocationMeter.assumeSupported();
        byte[] datagram = compressMessage(LzwFixtures.bomb(MAX_UDP_PAYLOAD - 16));
        assertThat(datagram.length).isBetween(60_000, MAX_UDP_PAYLOAD);

        long before = AllocationMeter.allocatedBytes();
        Throwable thrown = catchThrowable(() -> codec.decode(datagram));
        long allocated = AllocationMeter.allocatedBytes() - before;

        assertThat(allocated).as("bytes allocated decoding one %d-byte datagram", datagram.length)
                .isLessThan(4L * BUDGET);
        assertThat(thrown).isInstanceOfSatisfying(WireFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.DECOMPRESSION_BUDGET));
    }

    @Test
    void compressedPartsOfOneDatagramShareOneBudget() {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parts.add(compress(userMessage(BUDGET / 3)));
        }
        byte[] datagram = Compound.encode(parts);

        assertReason(() -> codec.decode(datagram), WireFormatException.Reason.DECOMPRESSION_BUDGET);
        assertThat(codec.decode(Compound.encode(parts.subList(0, 2))).messages()).hasSize(2);
    }

    @Test
    void aDatagramDecompressingToExactlyTheBudgetIsDelivered() {
        byte[] atBudget = compress(userMessage(BUDGET - 1));
        byte[] overBudget = compress(userMessage(BUDGET));

        assertThat(codec.decode(atBudget).messages()).singleElement()
                .isInstanceOfSatisfying(UserMessage.class, m -> assertThat(m.payload().length()).isEqualTo(BUDGET - 1));
        assertReason(() -> codec.decode(overBudget), WireFormatException.Reason.DECOMPRESSION_BUDGET);
    }

    @Test
    void compressedMessagesInsideDecompressedDataAreRejected() {
        byte[] compressedPing = compress(MessageCodec.encode(PING));
        byte[] nestedInCompound = compress(Compound.encode(List.of(compressedPing, MessageCodec.encode(SUSPECT))));

        DecodedPacket decoded = codec.decode(nestedInCompound);

        assertThat(decoded.messages()).containsExactly(SUSPECT);
        assertThat(decoded.partErrors()).extracting(WireFormatException::reason)
                .containsExactly(WireFormatException.Reason.BAD_COMPRESSION);
        assertReason(() -> codec.decode(compress(compressedPing)), WireFormatException.Reason.BAD_COMPRESSION);
        assertThat(codec.decode(Compound.encode(List.of(compressedPing, compressedPing))).messages())
                .containsExactly(PING, PING);
    }

    private static byte[] compress(byte[] message) {
        return compressMessage(Lzw.compress(message));
    }

    private static byte[] compressMessage(byte[] lzwStream) {
        return MessageCodec.encode(new Compress(Compress.LZW, Bytes.wrap(lzwStream)));
    }

    private static byte[] userMessage(int payloadBytes) {
        byte[] payload = new byte[payloadBytes];
        Arrays.fill(payload, (byte) 'x');
        return MessageCodec.encode(new UserMessage(Bytes.wrap(payload)));
    }
}
