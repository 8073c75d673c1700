package dev.memberlist.bench.codec;

import dev.memberlist.security.EncryptionVersion;
import dev.memberlist.security.Keyring;
import dev.memberlist.security.PayloadCipher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * AES-GCM encryption and decryption of a full UDP packet body (1,400 bytes) in Go's version-1
 * layout, with a three-key keyring whose primary key decrypts, as between nodes that agree on it.
 */
public class EncryptionBenchmark extends CodecBenchmarkSettings {

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
