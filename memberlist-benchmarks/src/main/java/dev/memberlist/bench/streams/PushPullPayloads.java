package dev.memberlist.bench.streams;

import dev.memberlist.security.EncryptionVersion;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.CodecSettings;
import dev.memberlist.wire.PushNodeState;
import dev.memberlist.wire.PushPullHeader;
import dev.memberlist.wire.StreamCodec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A push/pull request and its response as a cluster of a given size sends them: one state per member
 * (name, IPv4 address, port, Go's version bytes; every third member with metadata), framed as on the
 * wire without compression (synthetic states compress far better than real ones), so the sizes are
 * those of the states themselves.
 */
record PushPullPayloads(int members, byte[] request, byte[] response) {

    private static final Bytes VSN = Bytes.copyOf(new byte[] {1, 5, 2, 0, 0, 0});

    static PushPullPayloads of(int members) {
        StreamCodec codec = new StreamCodec(new CodecSettings("", false, Optional.empty(), true, true, false,
                EncryptionVersion.V1));
        byte[] state = StreamCodec.pushPull(new PushPullHeader(members, 0, false), states(members), Bytes.EMPTY);
        return new PushPullPayloads(members, codec.encodeRequest(state), codec.encodeResponse(state));
    }

    private static List<PushNodeState> states(int members) {
        List<PushNodeState> states = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            Bytes meta = i % 3 == 0 ? Bytes.copyOf(("zone=eu-west-1" + (char) ('a' + i % 3)).getBytes(StandardCharsets.UTF_8))
                    : Bytes.NIL;
            states.add(new PushNodeState("node-" + i, Bytes.copyOf(new byte[] {10, 0, (byte) (i / 256), (byte) (i % 256)}),
                    7946, meta, 1 + i % 50, PushNodeState.STATE_ALIVE, VSN));
        }
        return states;
    }
}
