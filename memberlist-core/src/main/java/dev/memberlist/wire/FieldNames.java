package dev.memberlist.wire;

import java.nio.charset.StandardCharsets;

/** Go's struct field names, the msgpack map keys, as bytes. */
final class FieldNames {

    static final byte[] ADDR = ascii("Addr");
    static final byte[] ALGO = ascii("Algo");
    static final byte[] BUF = ascii("Buf");
    static final byte[] ERROR = ascii("Error");
    static final byte[] FROM = ascii("From");
    static final byte[] INCARNATION = ascii("Incarnation");
    static final byte[] JOIN = ascii("Join");
    static final byte[] META = ascii("Meta");
    static final byte[] NACK = ascii("Nack");
    static final byte[] NAME = ascii("Name");
    static final byte[] NODE = ascii("Node");
    static final byte[] NODES = ascii("Nodes");
    static final byte[] PAYLOAD = ascii("Payload");
    static final byte[] PORT = ascii("Port");
    static final byte[] SEQ_NO = ascii("SeqNo");
    static final byte[] SOURCE_ADDR = ascii("SourceAddr");
    static final byte[] SOURCE_NODE = ascii("SourceNode");
    static final byte[] SOURCE_PORT = ascii("SourcePort");
    static final byte[] STATE = ascii("State");
    static final byte[] TARGET = ascii("Target");
    static final byte[] USER_MSG_LEN = ascii("UserMsgLen");
    static final byte[] USER_STATE_LEN = ascii("UserStateLen");
    static final byte[] VSN = ascii("Vsn");

    private FieldNames() {
    }

    private static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }
}
