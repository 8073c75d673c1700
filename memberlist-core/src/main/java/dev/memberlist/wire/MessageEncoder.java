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

/**
 * Writes each record as the msgpack map Go's codec produces: keys in byte order of the Go field
 * names, a fixmap header, the raw-string family for strings and byte slices, the smallest unsigned
 * form for unsigned integers, and {@code omitempty} only on the ping source fields.
 */
final class MessageEncoder {

    private MessageEncoder() {
    }

    /**
     * @throws IllegalArgumentException for a {@link UserMessage} (it has no msgpack body), or if a
     *     count or {@code State} is negative or above its limit
     */
    static void writeBody(Message message, GoMsgpackWriter w) {
        if (message instanceof Ping m) {
            boolean addr = !m.sourceAddr().isEmpty();
            boolean node = !m.sourceNode().isEmpty();
            boolean port = m.sourcePort() != 0;
            w.writeMapHeader(2 + count(addr) + count(node) + count(port));
            string(w, NODE, m.node());
            unsigned(w, SEQ_NO, m.seqNo());
            sourceFields(w, addr, m.sourceAddr(), node, m.sourceNode(), port, m.sourcePort());
        } else if (message instanceof IndirectPingRequest m) {
            boolean addr = !m.sourceAddr().isEmpty();
            boolean node = !m.sourceNode().isEmpty();
            boolean port = m.sourcePort() != 0;
            w.writeMapHeader(5 + count(addr) + count(node) + count(port));
            bool(w, NACK, m.nack());
            string(w, NODE, m.node());
            unsigned(w, PORT, m.port());
            unsigned(w, SEQ_NO, m.seqNo());
            sourceFields(w, addr, m.sourceAddr(), node, m.sourceNode(), port, m.sourcePort());
            bytes(w, TARGET, m.target());
        } else if (message instanceof AckResponse m) {
            w.writeMapHeader(2);
            bytes(w, PAYLOAD, m.payload());
            unsigned(w, SEQ_NO, m.seqNo());
        } else if (message instanceof NackResponse m) {
            w.writeMapHeader(1);
            unsigned(w, SEQ_NO, m.seqNo());
        } else if (message instanceof ErrorResponse m) {
            w.writeMapHeader(1);
            string(w, ERROR, m.error());
        } else if (message instanceof Suspect m) {
            accusation(w, m.incarnation(), m.node(), m.from());
        } else if (message instanceof Dead m) {
            accusation(w, m.incarnation(), m.node(), m.from());
        } else if (message instanceof Alive m) {
            w.writeMapHeader(6);
            bytes(w, ADDR, m.addr());
            unsigned(w, INCARNATION, m.incarnation());
            bytes(w, META, m.meta());
            string(w, NODE, m.node());
            unsigned(w, PORT, m.port());
            bytes(w, VSN, m.vsn());
        } else if (message instanceof PushPullHeader m) {
            w.writeMapHeader(3);
            bool(w, JOIN, m.join());
            goInt(w, NODES, requireAtMost(m.nodes(), MessageCodec.MAX_PUSH_PULL_NODES, "nodes"));
            goInt(w, USER_STATE_LEN,
                    requireAtMost(m.userStateLen(), MessageCodec.MAX_USER_STATE_LENGTH, "userStateLen"));
        } else if (message instanceof PushNodeState m) {
            w.writeMapHeader(7);
            bytes(w, ADDR, m.addr());
            unsigned(w, INCARNATION, m.incarnation());
            bytes(w, META, m.meta());
            string(w, NAME, m.name());
            unsigned(w, PORT, m.port());
            goInt(w, STATE, requireAtMost(m.state(), Integer.MAX_VALUE, "state"));
            bytes(w, VSN, m.vsn());
        } else if (message instanceof UserMessageHeader m) {
            w.writeMapHeader(1);
            goInt(w, USER_MSG_LEN,
                    requireAtMost(m.userMsgLen(), MessageCodec.MAX_USER_MESSAGE_LENGTH, "userMsgLen"));
        } else if (message instanceof Compress m) {
            w.writeMapHeader(2);
            unsigned(w, ALGO, m.algo());
            bytes(w, BUF, m.buf());
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
    private static void goInt(GoMsgpackWriter w, byte[] key, int value) {
        unsigned(w, key, value);
    }

    /** u8/u16/u32 in the smallest unsigned form, as Go writes them. */
    private static void unsigned(GoMsgpackWriter w, byte[] key, long value) {
        w.writeRaw(key);
        w.writeUnsigned(value);
    }

    private static void bool(GoMsgpackWriter w, byte[] key, boolean value) {
        w.writeRaw(key);
        w.writeBoolean(value);
    }

    private static void string(GoMsgpackWriter w, byte[] key, String value) {
        w.writeRaw(key);
        w.writeString(value);
    }

    private static void bytes(GoMsgpackWriter w, byte[] key, Bytes value) {
        w.writeRaw(key);
        w.writeBytes(value);
    }

    private static void accusation(GoMsgpackWriter w, long incarnation, String node, String from) {
        w.writeMapHeader(3);
        string(w, FROM, from);
        unsigned(w, INCARNATION, incarnation);
        string(w, NODE, node);
    }

    private static void sourceFields(GoMsgpackWriter w, boolean hasAddr, Bytes addr, boolean hasNode, String node,
                                     boolean hasPort, int port) {
        if (hasAddr) {
            bytes(w, SOURCE_ADDR, addr);
        }
        if (hasNode) {
            string(w, SOURCE_NODE, node);
        }
        if (hasPort) {
            unsigned(w, SOURCE_PORT, port);
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
