package dev.memberlist.bench.codec;

import dev.memberlist.wire.Alive;
import dev.memberlist.wire.Compound;
import dev.memberlist.wire.DecodedPacket;
import dev.memberlist.wire.MessageCodec;
import dev.memberlist.wire.PacketCodec;
import dev.memberlist.wire.Ping;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.util.ArrayList;
import java.util.List;

/**
 * UDP messages through the path the engine takes: each message encoded on its own (as a broadcast
 * is when queued), a compound built from the parts, the packet pipeline on the way out, and
 * {@link PacketCodec#decode} on the way in. No label, encryption or compression, which have their
 * own benchmarks.
 */
public class PacketRoundTripBenchmark extends CodecBenchmarkSettings {

    private static final int ALIVES_PER_COMPOUND = 10;

    PacketCodec codec;
    Ping ping;
    List<Alive> alives;

    /** Builds the codec and the messages. */
    @Setup
    public void setUp() {
        codec = new PacketCodec(CodecFixtures.plainUncompressed());
        ping = CodecFixtures.ping();
        alives = CodecFixtures.alives(ALIVES_PER_COMPOUND);
    }

    /** @return a ping, encoded and decoded as a bare packet */
    @Benchmark
    public DecodedPacket ping() {
        return codec.decode(codec.encode(MessageCodec.encode(ping), false));
    }

    /** @return ten alive messages, encoded one by one, sent as one compound and decoded */
    @Benchmark
    public DecodedPacket compoundOfTenAlive() {
        List<byte[]> parts = new ArrayList<>(alives.size());
        for (Alive alive : alives) {
            parts.add(MessageCodec.encode(alive));
        }
        return codec.decode(codec.encode(Compound.encode(parts), false));
    }
}
