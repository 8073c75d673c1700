package dev.memberlist.wire;

import dev.memberlist.security.EncryptionVersion;
import dev.memberlist.security.Keyring;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static dev.memberlist.wire.PacketCodecTest.assertReason;
import static dev.memberlist.wire.PacketCodecTest.settings;
import static dev.memberlist.wire.WireFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class StreamCodecTest {

    private static final Bytes LOCALHOST = Bytes.fromHex("7f000001");
    private static final Bytes VSN = Bytes.fromHex("010502000000");
    private static final byte[] KEY = bytes("000102030405060708090a0b0c0d0e0f");
    private static final PushNodeState NODE_A = new PushNodeState("node-a", LOCALHOST, 7946, Bytes.NIL, 1, 0, VSN);

    @Test
    void buildsPushPullExactlyAsGoDoes() {
        byte[] request = StreamCodec.pushPull(new PushPullHeader(1, 0, true), List.of(NODE_A), Bytes.EMPTY);

        assertThat(HexFormat.of().formatHex(request)).isEqualTo(WireFixtures.PUSH_PULL_REQUEST);
    }

    @Test
    void roundTripsPushPullWithEveryLayer() {
        List<PushNodeState> nodes = List.of(NODE_A, new PushNodeState("node-b", Bytes.fromHex("0a000002"), 7947,
                Bytes.fromHex("6d657461"), 9, 3, VSN));
        Bytes userState = Bytes.copyOf("state-of-node-a".getBytes());
        byte[] message = StreamCodec.pushPull(new PushPullHeader(2, userState.length(), false), nodes, userState);
        for (String label : List.of("", "dc1")) {
            for (Optional<Keyring> keyring : List.of(Optional.<Keyring>empty(), Optional.of(Keyring.of(KEY)))) {
                for (boolean compression : new boolean[] {false, true}) {
                    StreamCodec codec = new StreamCodec(settings(label, keyring, compression));
                    StreamMessage request = codec.decodeRequest(codec.encodeRequest(message));
                    StreamMessage response = codec.decodeResponse(codec.encodeResponse(message));
                    StreamMessage expected = new StreamMessage.PushPull(new PushPullHeader(2, userState.length(), false),
                            nodes, userState);
                    assertThat(request).as("label %s keys %s lzw %s", label, keyring, compression).isEqualTo(expected);
                    assertThat(response).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void roundTripsUserPingAckAndError() {
        StreamCodec codec = new StreamCodec(settings("", Optional.of(Keyring.of(KEY)), true));
        Ping ping = new Ping(5, "b", LOCALHOST, 7946, "a");

        assertThat(codec.decodeRequest(codec.encodeRequest(StreamCodec.userMessage(Bytes.fromHex("cafe")))))
                .isEqualTo(new StreamMessage.User(Bytes.fromHex("cafe")));
        assertThat(codec.decodeRequest(codec.encodeRequest(MessageCodec.encode(ping))))
                .isEqualTo(new StreamMessage.PingRequest(ping));
        assertThat(codec.decodeResponse(codec.encodeResponse(MessageCodec.encode(new AckResponse(5, Bytes.NIL)))))
                .isEqualTo(new StreamMessage.Ack(new AckResponse(5, Bytes.NIL)));
        assertThat(codec.decodeResponse(codec.encodeResponse(MessageCodec.encode(new ErrorResponse("boom")))))
                .isEqualTo(new StreamMessage.Error(new ErrorResponse("boom")));
    }

    @Test
    void encryptedFrameCarriesItsLengthAndTheEncryptionVersion() {
        StreamCodec codec = new StreamCodec(new CodecSettings("", false, Optional.of(Keyring.of(KEY)), true, true, false,
                EncryptionVersion.V1));
        byte[] frame = codec.encodeRequest(bytes(WireFixtures.PUSH_PULL_REQUEST));

        assertThat(HexFormat.of().formatHex(frame, 0, 6)).isEqualTo("0a0000007e01");
        assertThat(frame).hasSize(131);
    }

    @Test
    void refusesEncryptedInputWithoutKeysAndPlainInputWhenKeysAreRequired() {
        StreamCodec encrypting = new StreamCodec(settings("", Optional.of(Keyring.of(KEY)), true));
        StreamCodec plain = new StreamCodec(CodecSettings.plain());
        byte[] message = StreamCodec.userMessage(Bytes.fromHex("01"));

        assertReason(() -> plain.decodeRequest(encrypting.encodeRequest(message)),
                WireFormatException.Reason.ENCRYPTION_NOT_CONFIGURED);
        assertReason(() -> encrypting.decodeRequest(plain.encodeRequest(message)),
                WireFormatException.Reason.ENCRYPTION_REQUIRED);
    }

    @Test
    void responsesNeverCarryALabel() {
        StreamCodec labelled = new StreamCodec(settings("dc1", Optional.empty(), false));

        assertThat(labelled.encodeResponse(bytes(WireFixtures.NACK))).isEqualTo(bytes(WireFixtures.NACK));
        assertReason(() -> labelled.decodeResponse(labelled.encodeRequest(bytes(WireFixtures.ERR))),
                WireFormatException.Reason.UNKNOWN_TYPE);
    }

    @Test
    void missingNodeStatesOrUserStateBytesAreTruncation() {
        byte[] request = bytes(WireFixtures.PUSH_PULL_REQUEST);
        byte[] promisesTwo = request.clone();
        promisesTwo[14] = 2;
        StreamCodec codec = new StreamCodec(settings("", Optional.empty(), false));

        assertReason(() -> codec.decodeRequest(promisesTwo), WireFormatException.Reason.TRUNCATED);
        byte[] userMessage = StreamCodec.userMessage(Bytes.fromHex("010203"));
        assertReason(() -> codec.decodeRequest(java.util.Arrays.copyOf(userMessage, userMessage.length - 1)),
                WireFormatException.Reason.TRUNCATED);
    }

    @Test
    void unknownStreamTypesAreRejected() {
        StreamCodec codec = new StreamCodec(CodecSettings.plain());

        assertReason(() -> codec.decodeRequest(bytes("0480")), WireFormatException.Reason.UNKNOWN_TYPE);
    }
}
