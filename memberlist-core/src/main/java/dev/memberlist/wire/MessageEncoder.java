package dev.memberlist.wire;

import static dev.memberlist.wire.FieldKeys.ADDR;
import static dev.memberlist.wire.FieldKeys.ALGO;
import static dev.memberlist.wire.FieldKeys.BUF;
import static dev.memberlist.wire.FieldKeys.ERROR;
import static dev.memberlist.wire.FieldKeys.FROM;
import static dev.memberlist.wire.FieldKeys.INCARNATION;
import static dev.memberlist.wire.FieldKeys.JOIN;
import static dev.memberlist.wire.FieldKeys.META;
import static dev.memberlist.wire.FieldKeys.NACK;
import static dev.memberlist.wire.FieldKeys.NAME;
import static dev.memberlist.wire.FieldKeys.NODE;
import static dev.memberlist.wire.FieldKeys.NODES;
import static dev.memberlist.wire.FieldKeys.PAYLOAD;
import static dev.memberlist.wire.FieldKeys.PORT;
import static dev.memberlist.wire.FieldKeys.SEQ_NO;
import static dev.memberlist.wire.FieldKeys.SOURCE_ADDR;
import static dev.memberlist.wire.FieldKeys.SOURCE_NODE;
import static dev.memberlist.wire.FieldKeys.SOURCE_PORT;
import static dev.memberlist.wire.FieldKeys.STATE;
import static dev.memberlist.wire.FieldKeys.TARGET;
import static dev.memberlist.wire.FieldKeys.USER_MSG_LEN;
import static dev.memberlist.wire.FieldKeys.USER_STATE_LEN;
import static dev.memberlist.wire.FieldKeys.VSN;

import org.msgpack.core.MessagePacker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes each record as the msgpack map Go's codec produces: keys in byte order of the Go field
 * names, a fixmap header, the raw-string family for strings and byte slices, the smallest unsigned
 * form for unsigned integers, and {@code omitempty} only on the ping source fields.
 */
final class MessageEncoder {

    private static final int FIXSTR_LIMIT = 1 << 5;
    private static final int STR8_LIMIT = 1 << 8;
    private static final byte STR16 = (byte) 0xda;

    private MessageEncoder() {
    }

    static void writeBody(Message message, MessagePacker p) throws IOException {
        if (message instanceof Ping m) {
            boolean addr = !m.sourceAddr().isEmpty();
            boolean node = !m.sourceNode().isEmpty();
            boolean port = m.sourcePort() != 0;
            mapHeader(p, 2 + count(addr) + count(node) + count(port));
            string(p, NODE, m.node());
            unsigned(p, SEQ_NO, m.seqNo());
            sourceFields(p, addr, m.sourceAddr(), node, m.sourceNode(), port, m.sourcePort());
        } else if (message instanceof IndirectPingRequest m) {
            boolean addr = !m.sourceAddr().isEmpty();
            boolean node = !m.sourceNode().isEmpty();
            boolean port = m.sourcePort() != 0;
            mapHeader(p, 5 + count(addr) + count(node) + count(port));
            p.writePayload(NACK).packBoolean(m.nack());
            string(p, NODE, m.node());
            unsigned(p, PORT, m.port());
            unsigned(p, SEQ_NO, m.seqNo());
            sourceFields(p, addr, m.sourceAddr(), node, m.sourceNode(), port, m.sourcePort());
            bytes(p, TARGET, m.target());
        } else if (message instanceof AckResponse m) {
            mapHeader(p, 2);
            bytes(p, PAYLOAD, m.payload());
            unsigned(p, SEQ_NO, m.seqNo());
        } else if (message instanceof NackResponse m) {
            mapHeader(p, 1);
            unsigned(p, SEQ_NO, m.seqNo());
        } else if (message instanceof ErrorResponse m) {
            mapHeader(p, 1);
            string(p, ERROR, m.error());
        } else if (message instanceof Suspect m) {
            accusation(p, m.incarnation(), m.node(), m.from());
        } else if (message instanceof Dead m) {
            accusation(p, m.incarnation(), m.node(), m.from());
        } else if (message instanceof Alive m) {
            mapHeader(p, 6);
            bytes(p, ADDR, m.addr());
            unsigned(p, INCARNATION, m.incarnation());
            bytes(p, META, m.meta());
            string(p, NODE, m.node());
            unsigned(p, PORT, m.port());
            bytes(p, VSN, m.vsn());
        } else if (message instanceof PushPullHeader m) {
            mapHeader(p, 3);
            p.writePayload(JOIN).packBoolean(m.join());
            goInt(p, NODES, requireAtMost(m.nodes(), MessageCodec.MAX_PUSH_PULL_NODES, "nodes"));
            goInt(p, USER_STATE_LEN,
                    requireAtMost(m.userStateLen(), MessageCodec.MAX_USER_STATE_LENGTH, "userStateLen"));
        } else if (message instanceof PushNodeState m) {
            mapHeader(p, 7);
            bytes(p, ADDR, m.addr());
            unsigned(p, INCARNATION, m.incarnation());
            bytes(p, META, m.meta());
            string(p, NAME, m.name());
            unsigned(p, PORT, m.port());
            goInt(p, STATE, requireAtMost(m.state(), Integer.MAX_VALUE, "state"));
            bytes(p, VSN, m.vsn());
        } else if (message instanceof UserMessageHeader m) {
            mapHeader(p, 1);
            goInt(p, USER_MSG_LEN,
                    requireAtMost(m.userMsgLen(), MessageCodec.MAX_USER_MESSAGE_LENGTH, "userMsgLen"));
        } else if (message instanceof Compress m) {
            mapHeader(p, 2);
            unsigned(p, ALGO, m.algo());
            bytes(p, BUF, m.buf());
        } else {
            throw new IllegalArgumentException(message.getClass().getSimpleName() + " has no msgpack body");
        }
    }

    /**
     * Writes a Go {@code int} field the way go-msgpack v0.5 (memberlist 0.2.2) does: the smallest
     * <em>unsigned</em> form ({@code 0xcc/0xcd/0xce}) above 127. go-msgpack v2 (memberlist HEAD) would
     * write the signed forms ({@code 0xd1/0xd2}); both versions decode both, and the interop peer
     * here is 0.2.2, so its bytes are the ones reproduced exactly.
     */
    private static void goInt(MessagePacker p, byte[] key, int value) throws IOException {
        p.writePayload(key).packLong(value);
    }

    /** u8/u16/u32: msgpack-core picks the smallest unsigned form for non-negative values, as Go does. */
    private static void unsigned(MessagePacker p, byte[] key, long value) throws IOException {
        p.writePayload(key).packLong(value);
    }

    private static void string(MessagePacker p, byte[] key, String value) throws IOException {
        p.writePayload(key);
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        rawHeader(p, utf8.length);
        p.writePayload(utf8);
    }

    private static void bytes(MessagePacker p, byte[] key, Bytes value) throws IOException {
        p.writePayload(key);
        if (value.isNil()) {
            p.packNil();
        } else {
            rawHeader(p, value.length());
            p.writePayload(value.array());
        }
    }

    /**
     * Go writes strings and byte slices with the old msgpack raw family, which has no str8. The
     * str16 header for 32..255 bytes is written by hand so the output is the same whatever str8
     * setting the caller's packer has.
     */
    private static void rawHeader(MessagePacker p, int length) throws IOException {
        if (length >= FIXSTR_LIMIT && length < STR8_LIMIT) {
            p.writePayload(new byte[] {STR16, 0, (byte) length});
        } else {
            p.packRawStringHeader(length);
        }
    }

    /** Every struct has at most 8 fields, so msgpack-core writes a fixmap, as Go does. */
    private static void mapHeader(MessagePacker p, int entries) throws IOException {
        p.packMapHeader(entries);
    }

    private static void accusation(MessagePacker p, long incarnation, String node, String from) throws IOException {
        mapHeader(p, 3);
        string(p, FROM, from);
        unsigned(p, INCARNATION, incarnation);
        string(p, NODE, node);
    }

    private static void sourceFields(MessagePacker p, boolean hasAddr, Bytes addr, boolean hasNode, String node,
                                     boolean hasPort, int port) throws IOException {
        if (hasAddr) {
            bytes(p, SOURCE_ADDR, addr);
        }
        if (hasNode) {
            string(p, SOURCE_NODE, node);
        }
        if (hasPort) {
            unsigned(p, SOURCE_PORT, port);
        }
    }

    private static int count(boolean present) {
        return present ? 1 : 0;
    }

    /** Keeps encode and decode symmetric: whatever is encoded, this codec also accepts. */
    private static int requireAtMost(int value, int max, String field) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " must be in 0.." + max + ": " + value);
        }
        return value;
    }
}
