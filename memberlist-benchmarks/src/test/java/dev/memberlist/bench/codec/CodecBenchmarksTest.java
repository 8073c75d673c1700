package dev.memberlist.bench.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memberlist.wire.StreamMessage;
import org.junit.jupiter.api.Test;

/** Runs each benchmark's setup and one invocation, and checks that the round trip gave back its input. */
class CodecBenchmarksTest {

    @Test
    void pingRoundTripReturnsThePing() {
        PacketRoundTripBenchmark benchmark = new PacketRoundTripBenchmark();
        benchmark.setUp();

        assertThat(benchmark.ping().messages()).containsExactly(benchmark.ping);
    }

    @Test
    void compoundRoundTripReturnsTheTenAlives() {
        PacketRoundTripBenchmark benchmark = new PacketRoundTripBenchmark();
        benchmark.setUp();

        assertThat(benchmark.alives).hasSize(10);
        assertThat(benchmark.compoundOfTenAlive().messages()).containsExactlyElementsOf(benchmark.alives);
    }

    @Test
    void pushPullRoundTripReturnsTheNodeTable() {
        PushPullBenchmark benchmark = new PushPullBenchmark();
        benchmark.setUp();

        StreamMessage.PushPull pushPull = (StreamMessage.PushPull) benchmark.pushPullOf1000Nodes();

        assertThat(pushPull.header()).isEqualTo(benchmark.header);
        assertThat(pushPull.nodes()).hasSize(1000).isEqualTo(benchmark.nodes);
    }

    @Test
    void lzwRoundTripReturnsTheInput() {
        LzwBenchmark benchmark = new LzwBenchmark();
        benchmark.setUp();

        assertThat(benchmark.input).hasSize(1024);
        assertThat(benchmark.compressDecompress1KiB()).isEqualTo(benchmark.input);
    }

    @Test
    void encryptionRoundTripReturnsThePayload() {
        EncryptionBenchmark benchmark = new EncryptionBenchmark();
        benchmark.setUp();

        assertThat(benchmark.payload).hasSize(1400);
        assertThat(benchmark.encryptDecrypt1400Bytes()).isEqualTo(benchmark.payload);
    }
}
