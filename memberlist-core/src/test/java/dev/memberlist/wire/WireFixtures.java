package dev.memberlist.wire;

import java.util.HexFormat;

/**
 * Golden bytes produced by Go memberlist's msgpack codecs, copied from PROTOCOL.md §4, with the
 * records they encode. Hex constants are named after their section; {@code *_MESSAGE} constants
 * are the matching records.
 */
final class WireFixtures {

    /** §4.1 minimal ping {@code {SeqNo:1, Node:"node-b"}}. */
    static final String PING_MINIMAL = "0082a44e6f6465a66e6f64652d62a55365714e6f01";
    static final Ping PING_MINIMAL_MESSAGE = new Ping(1, "node-b", Bytes.NIL, 0, "");

    /** §4.2 full ping as sent by a prober, 4-byte source address. */
    static final String PING_FULL = "0085a44e6f6465a66e6f64652d62a55365714e6f2aaa536f7572636541646472a47f000001"
            + "aa536f757263654e6f6465a66e6f64652d61aa536f75726365506f7274cd1f0a";
    static final Ping PING_FULL_MESSAGE = new Ping(42, "node-b", Bytes.fromHex("7f000001"), 7946, "node-a");

    /** §4.2 the same ping with a 16-byte IPv4 address ({@code ::ffff:10.0.0.1}), SeqNo 300. */
    static final String PING_FULL_IPV4_IN_16_BYTES = "0085a44e6f6465a162a55365714e6fcd012caa536f7572636541646472"
            + "b000000000000000000000ffff0a000001aa536f757263654e6f6465a161aa536f75726365506f7274cd1f0a";
    static final Ping PING_FULL_IPV4_IN_16_BYTES_MESSAGE =
            new Ping(300, "b", Bytes.fromHex("00000000000000000000ffff0a000001"), 7946, "a");

    /** §4.3 ack with nil payload. */
    static final String ACK_NIL_PAYLOAD = "0282a75061796c6f6164c0a55365714e6f2a";
    static final AckResponse ACK_NIL_PAYLOAD_MESSAGE = new AckResponse(42, Bytes.NIL);

    /** §4.3 ack with payload "hi" and a u32 SeqNo. */
    static final String ACK_WITH_PAYLOAD = "0282a75061796c6f6164a26869a55365714e6fce00011170";
    static final AckResponse ACK_WITH_PAYLOAD_MESSAGE = new AckResponse(70000, Bytes.fromHex("6869"));

    /** §4.3 nack. */
    static final String NACK = "0b81a55365714e6f2a";
    static final NackResponse NACK_MESSAGE = new NackResponse(42);

    /** §4.3 error response. */
    static final String ERR = "0d81a54572726f72a4626f6f6d";
    static final ErrorResponse ERR_MESSAGE = new ErrorResponse("boom");

    /** §4.3 suspect. */
    static final String SUSPECT = "0383a446726f6da66e6f64652d61ab496e6361726e6174696f6e05a44e6f6465a66e6f64652d62";
    static final Suspect SUSPECT_MESSAGE = new Suspect(5, "node-b", "node-a");

    /** §4.3 dead announcing a graceful leave. */
    static final String DEAD_LEAVE = "0583a446726f6da66e6f64652d61ab496e6361726e6174696f6e07a44e6f6465a66e6f64652d61";
    static final Dead DEAD_LEAVE_MESSAGE = new Dead(7, "node-a", "node-a");

    /** §4.3 alive with nil meta and Go's default Vsn. */
    static final String ALIVE = "0486a441646472a47f000001ab496e6361726e6174696f6e01a44d657461c0a44e6f6465a66e6f64652d61"
            + "a4506f7274cd1f0aa356736ea6010502000000";
    static final Alive ALIVE_MESSAGE = new Alive(1, "node-a", Bytes.fromHex("7f000001"), 7946, Bytes.NIL,
            Bytes.fromHex("010502000000"));

    /** §4.3 indirect ping request with nack and all source fields. */
    static final String INDIRECT_PING = "0188a44e61636bc3a44e6f6465a66e6f64652d63a4506f7274cd1f0aa55365714e6f2a"
            + "aa536f7572636541646472a47f000001aa536f757263654e6f6465a66e6f64652d61aa536f75726365506f7274cd1f0a"
            + "a6546172676574a47f000001";
    static final IndirectPingRequest INDIRECT_PING_MESSAGE = new IndirectPingRequest(42, Bytes.fromHex("7f000001"),
            7946, "node-c", true, Bytes.fromHex("7f000001"), 7946, "node-a");

    /** A 36-character node name, long enough for str16 (Go never writes str8). */
    static final String LONG_NODE_NAME = "node-with-a-36-character-long-name-x";

    /** §4.3 suspect with a 36-character Node, which Go writes as str16 {@code da 0024}. */
    static final String SUSPECT_LONG_NODE = "0383a446726f6da178ab496e6361726e6174696f6e05a44e6f6465da0024"
            + HexFormat.of().formatHex(LONG_NODE_NAME.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    static final Suspect SUSPECT_LONG_NODE_MESSAGE = new Suspect(5, LONG_NODE_NAME, "x");

    /** §4.3 push/pull header with ints above 127 as go-msgpack v0.5 (memberlist 0.2.2) writes them; no type byte. */
    static final String PUSH_PULL_HEADER_V05 = "83a44a6f696ec2a54e6f646573ccc8ac5573657253746174654c656ecd9c40";
    /** §4.3 the same header as go-msgpack v2 (memberlist HEAD) writes it: signed int forms. */
    static final String PUSH_PULL_HEADER_V2 = "83a44a6f696ec2a54e6f646573d100c8ac5573657253746174654c656ed200009c40";
    static final PushPullHeader PUSH_PULL_HEADER_MESSAGE = new PushPullHeader(200, 40000, false);

    /** §4.6 ping 4.2 LZW-compressed into a compress message; {@code Buf} is 65 bytes, so str16. */
    static final String COMPRESSED_PING = "0982a4416c676f00a3427566da0041"
            + "00011422e5e40d9932a6dc182cd3424ca92965e21454a16aca9b3a72c6940942868c1c527f00000850f162c632050f265cd8"
            + "224c498c1aa1bc9143a7d907050101";
    static final Compress COMPRESSED_PING_MESSAGE = new Compress(Compress.LZW, Bytes.fromHex(
            "00011422e5e40d9932a6dc182cd3424ca92965e21454a16aca9b3a72c6940942868c1c527f00000850f162c632050f265cd8"
                    + "224c498c1aa1bc9143a7d907050101"));

    /** §4.9 the push/pull header of the one-node join request (no type byte). */
    static final String PUSH_PULL_REQUEST_HEADER = "83a44a6f696ec3a54e6f64657301ac5573657253746174654c656e00";
    static final PushPullHeader PUSH_PULL_REQUEST_HEADER_MESSAGE = new PushPullHeader(1, 0, true);

    /** §4.9 the one node state of that request. */
    static final String PUSH_PULL_REQUEST_NODE = "87a441646472a47f000001ab496e6361726e6174696f6e01a44d657461c0"
            + "a44e616d65a66e6f64652d61a4506f7274cd1f0aa55374617465" + "00" + "a356736ea6010502000000";
    static final PushNodeState PUSH_PULL_REQUEST_NODE_MESSAGE = new PushNodeState("node-a",
            Bytes.fromHex("7f000001"), 7946, Bytes.NIL, 1, PushNodeState.STATE_ALIVE, Bytes.fromHex("010502000000"));

    /** §4.9 the whole 97-byte TCP push/pull request: type byte 6, header, one node state, no user state. */
    static final String PUSH_PULL_REQUEST = "06" + PUSH_PULL_REQUEST_HEADER + PUSH_PULL_REQUEST_NODE;

    private WireFixtures() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
