package dev.memberlist.bench.codec;

import dev.memberlist.security.EncryptionVersion;
import dev.memberlist.security.Keyring;
import dev.memberlist.security.PayloadCipher;
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

/**
 * AES-GCM encryption and decryption of a full UDP packet body (1,400 bytes) in Go's version-1
 * layout, with a three-key keyring whose primary key decrypts, as between nodes that agree on it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EncryptionBenchmark {

    private static final int PAYLOAD_BYTES = 1400;
    private static final byte[] NO_LABEL = new byte[0];

    Keyring keyring;
    byte[] payload;

    /** Builds the keyring and the payload. */
    @Setup
    public void setUp() {
        keyring = CodecFixtures.keyring();
        payload = CodecFixtures.gossipBytes(PAYLOAD_BYTES);
    }

    /** @return 1,400 bytes, encrypted with the primary key and decrypted */
    @Benchmark
    public byte[] encryptDecrypt1400Bytes() {
        byte[] sealed = PayloadCipher.encrypt(EncryptionVersion.V1, keyring, payload, NO_LABEL);
        return PayloadCipher.decrypt(keyring, sealed, 0, sealed.length, NO_LABEL);
    }
}
