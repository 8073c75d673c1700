package dev.memberlist.transport.netty;

import dev.memberlist.security.EncryptionVersion;
import dev.memberlist.security.Keyring;
import dev.memberlist.wire.AckResponse;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.CodecSettings;
import dev.memberlist.wire.ErrorResponse;
import dev.memberlist.wire.MessageCodec;
import dev.memberlist.wire.Ping;
import dev.memberlist.wire.PushNodeState;
import dev.memberlist.wire.PushPullHeader;
import dev.memberlist.wire.StreamCodec;
import dev.memberlist.wire.StreamFramer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Real stream frames of every shape, built with the wire codecs under every codec setting. */
final class StreamFrameFixtures {

    static final int MAX_FRAME_BYTES = StreamFramer.MAX_ENCRYPTED_FRAME_BYTES + 64 * 1024;

    private static final byte[] KEY = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param description what the frame is, for test names
     * @param side which end of a stream writes it
     * @param frame the bytes on the wire
     * @param codec a codec that reads it back
     */
    record FrameCase(String description, StreamFramer.Side side, byte[] frame, StreamCodec codec) {
        @Override
        public String toString() {
            return description;
        }
    }

    private StreamFrameFixtures() {
    }

    /** @return every message shape, with and without label, compression and encryption */
    static List<FrameCase> everyShape() {
        List<FrameCase> cases = new ArrayList<>();
        for (String label : List.of("", "cluster-a")) {
            for (boolean compression : List.of(false, true)) {
                for (boolean encryption : List.of(false, true)) {
                    CodecSettings settings = new CodecSettings(label, false,
                            encryption ? Optional.of(Keyring.of(KEY)) : Optional.empty(), true, true, compression,
                            EncryptionVersion.V1);
                    String flavour = "label=\"" + label + "\" compression=" + compression + " encryption=" + encryption;
                    addCases(cases, new StreamCodec(settings), flavour);
                }
            }
        }
        return cases;
    }

    /** @return a plain, unlabelled TCP ping request */
    static byte[] pingRequest() {
        return new StreamCodec(CodecSettings.plain()).encodeRequest(MessageCodec.encode(ping()));
    }

    /** @return a plain ack response */
    static byte[] ackResponse() {
        return new StreamCodec(CodecSettings.plain()).encodeResponse(MessageCodec.encode(new AckResponse(7, Bytes.NIL)));
    }

    private static void addCases(List<FrameCase> cases, StreamCodec codec, String flavour) {
        request(cases, codec, "ping", MessageCodec.encode(ping()), flavour);
        request(cases, codec, "push/pull", pushPull(3, 40), flavour);
        request(cases, codec, "empty push/pull", pushPull(0, 0), flavour);
        request(cases, codec, "user message", StreamCodec.userMessage(Bytes.copyOf(filled(300))), flavour);
        request(cases, codec, "empty user message", StreamCodec.userMessage(Bytes.EMPTY), flavour);
        response(cases, codec, "ack", MessageCodec.encode(new AckResponse(7, Bytes.copyOf(filled(5)))), flavour);
        response(cases, codec, "error", MessageCodec.encode(new ErrorResponse("merge canceled")), flavour);
        response(cases, codec, "push/pull", pushPull(2, 0), flavour);
    }

    private static void request(List<FrameCase> cases, StreamCodec codec, String what, byte[] message, String flavour) {
        cases.add(new FrameCase(what + " request, " + flavour, StreamFramer.Side.REQUEST, codec.encodeRequest(message),
                codec));
    }

    private static void response(List<FrameCase> cases, StreamCodec codec, String what, byte[] message, String flavour) {
        cases.add(new FrameCase(what + " response, " + flavour, StreamFramer.Side.RESPONSE,
                codec.encodeResponse(message), codec));
    }

    private static Ping ping() {
        return new Ping(7, "node-b", Bytes.copyOf(new byte[] {127, 0, 0, 1}), 7946, "node-a");
    }

    private static byte[] pushPull(int nodes, int userStateBytes) {
        List<PushNodeState> states = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            states.add(new PushNodeState("node-" + i, Bytes.copyOf(new byte[] {127, 0, 0, (byte) (i + 1)}), 7946 + i,
                    Bytes.copyOf(filled(i * 10)), i + 1, PushNodeState.STATE_ALIVE,
                    Bytes.copyOf(new byte[] {1, 5, 2, 0, 0, 0})));
        }
        return StreamCodec.pushPull(new PushPullHeader(nodes, userStateBytes, nodes == 0),
                states, userStateBytes == 0 ? Bytes.EMPTY : Bytes.copyOf(filled(userStateBytes)));
    }

    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
