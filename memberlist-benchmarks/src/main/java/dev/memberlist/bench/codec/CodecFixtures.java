package dev.memberlist.bench.codec;

import dev.memberlist.security.EncryptionVersion;
import dev.memberlist.security.Keyring;
import dev.memberlist.wire.Alive;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.CodecSettings;
import dev.memberlist.wire.Compound;
import dev.memberlist.wire.MessageCodec;
import dev.memberlist.wire.Ping;
import dev.memberlist.wire.PushNodeState;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Realistic inputs for the codec benchmarks: node names like {@code node-123}, IPv4 addresses,
 * Go's default version bytes, metadata on some nodes, and gossip bytes made of encoded messages.
 * Every input comes from a fixed seed, so each run measures the same bytes.
 */
final class CodecFixtures {

    /** Go 0.2.2's defaults: protocol 1..5, speaking 2; delegate protocol 0. */
    static final Bytes VSN = Bytes.copyOf(new byte[] {1, 5, 2, 0, 0, 0});

    private static final int GOSSIP_PORT = 7946;
    private static final long SEED = 20240601L;

    private CodecFixtures() {
    }

    /** @return no label, no encryption and no compression: the codec's own work, nothing else */
    static CodecSettings plainUncompressed() {
        return new CodecSettings("", false, Optional.empty(), true, true, false, EncryptionVersion.V1);
    }

    /** @return a ping as the prober sends it, with its source fields */
    static Ping ping() {
        return new Ping(48_213, "node-123", ipv4(10, 0, 0, 123), GOSSIP_PORT, "node-7");
    }

    /**
     * @param count how many
     * @return alive announcements of distinct nodes; every third carries metadata
     */
    static List<Alive> alives(int count) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Alive> alives = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = random.nextInt(1000);
            alives.add(new Alive(1 + random.nextInt(50), "node-" + id, ipv4(10, 0, id / 256, id % 256), GOSSIP_PORT,
                    i % 3 == 0 ? meta(id) : Bytes.NIL, VSN));
        }
        return alives;
    }

    /**
     * @param count how many
     * @return a node table: mostly alive, a few suspect, dead and left; every third with metadata
     */
    static List<PushNodeState> nodeStates(int count) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<PushNodeState> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            int state = roll < 94 ? PushNodeState.STATE_ALIVE
                    : roll < 97 ? PushNodeState.STATE_SUSPECT
                    : roll < 99 ? PushNodeState.STATE_DEAD
                    : PushNodeState.STATE_LEFT;
            nodes.add(new PushNodeState("node-" + i, ipv4(10, 0, i / 256, i % 256), GOSSIP_PORT,
                    i % 3 == 0 ? meta(i) : Bytes.NIL, 1 + random.nextInt(50), state, VSN));
        }
        return nodes;
    }

    /**
     * @param length how many bytes
     * @return compounds of alive messages laid end to end, cut to {@code length}: what a packet
     *     body looks like, with its repeated keys and names, rather than zeros or noise
     */
    static byte[] gossipBytes(int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 1024);
        List<Alive> alives = alives(length / 16);
        for (int from = 0; out.size() < length; from += 10) {
            List<byte[]> parts = new ArrayList<>(10);
            for (Alive alive : alives.subList(from, from + 10)) {
                parts.add(MessageCodec.encode(alive));
            }
            out.writeBytes(Compound.encode(parts));
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    /** @return a keyring as after a rotation: an AES-256 primary and two older secondary keys */
    static Keyring keyring() {
        SplittableRandom random = new SplittableRandom(SEED);
        return Keyring.of(key(random), key(random), key(random));
    }

    private static byte[] key(SplittableRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    private static Bytes meta(int id) {
        return Bytes.copyOf(("dc=eu-west-1;rack=r" + id % 16 + ";role=web").getBytes(StandardCharsets.UTF_8));
    }

    private static Bytes ipv4(int a, int b, int c, int d) {
        return Bytes.copyOf(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }
}
