package dev.memberlist.wire;

import java.nio.charset.StandardCharsets;

/**
 * Go's struct field names as encoded msgpack keys: a fixstr header byte followed by the ASCII name.
 * The encoder writes them as they are; the decoder compares received key bytes with
 * {@code key[1..]}, so no key ever becomes a {@code String}. Never modified after class init.
 */
final class FieldKeys {

    static final byte[] ADDR = key("Addr");
    static final byte[] ALGO = key("Algo");
    static final byte[] BUF = key("Buf");
    static final byte[] ERROR = key("Error");
    static final byte[] FROM = key("From");
    static final byte[] INCARNATION = key("Incarnation");
    static final byte[] JOIN = key("Join");
    static final byte[] META = key("Meta");
    static final byte[] NACK = key("Nack");
    static final byte[] NAME = key("Name");
    static final byte[] NODE = key("Node");
    static final byte[] NODES = key("Nodes");
    static final byte[] PAYLOAD = key("Payload");
    static final byte[] PORT = key("Port");
    static final byte[] SEQ_NO = key("SeqNo");
    static final byte[] SOURCE_ADDR = key("SourceAddr");
    static final byte[] SOURCE_NODE = key("SourceNode");
    static final byte[] SOURCE_PORT = key("SourcePort");
    static final byte[] STATE = key("State");
    static final byte[] TARGET = key("Target");
    static final byte[] USER_MSG_LEN = key("UserMsgLen");
    static final byte[] USER_STATE_LEN = key("UserStateLen");
    static final byte[] VSN = key("Vsn");

    private static final int FIXSTR_PREFIX = 0xa0;

    private FieldKeys() {
    }

    private static byte[] key(String name) {
        byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        byte[] key = new byte[1 + ascii.length];
        key[0] = (byte) (FIXSTR_PREFIX | ascii.length);
        System.arraycopy(ascii, 0, key, 1, ascii.length);
        return key;
    }
}
