package dev.memberlist.bench.codec;

import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.PushNodeState;
import dev.memberlist.wire.PushPullHeader;
import dev.memberlist.wire.StreamCodec;
import dev.memberlist.wire.StreamMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.util.List;

/**
 * A push/pull of a 1,000-node table over a stream: the message built by
 * {@link StreamCodec#pushPull}, framed as a request and parsed back. No label, encryption or
 * compression, which have their own benchmarks.
 */
public class PushPullBenchmark extends CodecBenchmarkSettings {

    private static final int NODES = 1000;

    StreamCodec codec;
    PushPullHeader header;
    List<PushNodeState> nodes;

    /** Builds the codec and the node table. */
    @Setup
    public void setUp() {
        codec = new StreamCodec(CodecFixtures.plainUncompressed());
        nodes = CodecFixtures.nodeStates(NODES);
        header = new PushPullHeader(NODES, 0, false);
    }

    /** @return the node table, encoded as a push/pull request and decoded */
    @Benchmark
    public StreamMessage pushPullOf1000Nodes() {
        return codec.decodeRequest(codec.encodeRequest(StreamCodec.pushPull(header, nodes, Bytes.EMPTY)));
    }
}
