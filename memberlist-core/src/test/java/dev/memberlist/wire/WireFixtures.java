package dev.memberlist.wire;

/** The byte examples of PROTOCOL.md §4, produced by Go's codecs, as hex. */
final class WireFixtures {

    /** §4.1: ping {SeqNo:1, Node:"node-b"}. */
    static final String PING_MINIMAL = "0082a44e6f6465a66e6f64652d62a55365714e6f01";
    /** §4.2: ping with SourceAddr 127.0.0.1, SourcePort 7946, SourceNode "node-a", SeqNo 42. */
    static final String PING_FULL = "0085a44e6f6465a66e6f64652d62a55365714e6f2aaa536f7572636541646472a47f000001"
            + "aa536f757263654e6f6465a66e6f64652d61aa536f75726365506f7274cd1f0a";
    /** §4.2: the same with a 16-byte IPv4 address, SeqNo 300, names "b"/"a". */
    static final String PING_MAPPED_IPV4 = "0085a44e6f6465a162a55365714e6fcd012caa536f7572636541646472b0000000000000"
            + "00000000ffff0a000001aa536f757263654e6f6465a161aa536f75726365506f7274cd1f0a";
    static final String ACK_NIL = "0282a75061796c6f6164c0a55365714e6f2a";
    static final String ACK_PAYLOAD = "0282a75061796c6f6164a26869a55365714e6fce00011170";
    static final String NACK = "0b81a55365714e6f2a";
    static final String ERR = "0d81a54572726f72a4626f6f6d";
    static final String SUSPECT = "0383a446726f6da66e6f64652d61ab496e6361726e6174696f6e05a44e6f6465a66e6f64652d62";
    static final String DEAD_LEAVE = "0583a446726f6da66e6f64652d61ab496e6361726e6174696f6e07a44e6f6465a66e6f64652d61";
    static final String ALIVE = "0486a441646472a47f000001ab496e6361726e6174696f6e01a44d657461c0a44e6f6465a66e6f6465"
            + "2d61a4506f7274cd1f0aa356736ea6010502000000";
    static final String INDIRECT = "0188a44e61636bc3a44e6f6465a66e6f64652d63a4506f7274cd1f0aa55365714e6f2aaa536f7572"
            + "636541646472a47f000001aa536f757263654e6f6465a66e6f64652d61aa536f75726365506f7274cd1f0aa6546172676574"
            + "a47f000001";
    /** Suspect with a 36-character node name: str16, never str8 (the 36 name bytes follow). */
    static final String SUSPECT_LONG_NAME_PREFIX = "0383a446726f6da178ab496e6361726e6174696f6e05a44e6f6465da0024";
    /** §4.3 push/pull header {Nodes:200, UserStateLen:40000, Join:false} as memberlist 0.2.2 encodes it. */
    static final String PUSH_PULL_HEADER_V05 = "83a44a6f696ec2a54e6f646573ccc8ac5573657253746174654c656ecd9c40";
    /** §4.3 the same as HEAD (go-msgpack v2) encodes it, with signed int forms. */
    static final String PUSH_PULL_HEADER_V2 = "83a44a6f696ec2a54e6f646573d100c8ac5573657253746174654c656ed200009c40";
    /** §4.6: the compressed form of {@link #PING_FULL}. */
    static final String PING_FULL_COMPRESSED = "0982a4416c676f00a3427566da004100011422e5e40d9932a6dc182cd3424ca92965e2"
            + "1454a16aca9b3a72c6940942868c1c527f00000850f162c632050f265cd8224c498c1aa1bc9143a7d907050101";
    /** §4.9: a join push/pull request with one node, no user state, uncompressed and unencrypted. */
    static final String PUSH_PULL_REQUEST = "0683a44a6f696ec3a54e6f64657301ac5573657253746174654c656e0087a44164647"
            + "2a47f000001ab496e6361726e6174696f6e01a44d657461c0a44e616d65a66e6f64652d61a4506f7274cd1f0aa553746174"
            + "6500a356736ea6010502000000";

    private WireFixtures() {
    }

    static byte[] bytes(String hex) {
        return Bytes.fromHex(hex).toByteArray();
    }
}
