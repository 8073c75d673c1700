package dev.memberlist.bench.codec;

import dev.memberlist.wire.Lzw;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** LZW compression and decompression of one packet's worth of gossip. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LzwBenchmark {

    private static final int INPUT_BYTES = 1024;

    byte[] input;

    /** Builds the input. */
    @Setup
    public void setUp() {
        input = CodecFixtures.gossipBytes(INPUT_BYTES);
    }

    /** @return 1 KiB of gossip, compressed and decompressed */
    @Benchmark
    public byte[] compressDecompress1KiB() {
        byte[] compressed = Lzw.compress(input);
        return Lzw.decompress(compressed, 0, compressed.length, Lzw.MAX_DECOMPRESSED_BYTES);
    }
}
