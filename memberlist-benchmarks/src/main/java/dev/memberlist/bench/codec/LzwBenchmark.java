package dev.memberlist.bench.codec;

import dev.memberlist.wire.Lzw;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** LZW compression and decompression of one packet's worth of gossip. */
public class LzwBenchmark extends CodecBenchmarkSettings {

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
