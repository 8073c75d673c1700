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
    static void writeBody(Message message, GoMsgpackWriter out) {
        if (message instanceof Ping m) {
            boolean addr = !m.sourceAddr().isEmpty();
            boolean node = !m.sourceNode().isEmpty();
            boolean port = m.sourcePort() != 0;
            out.writeMapHeader(2 + count(addr) + count(node) + count(port));
            string(out, NODE, m.node());
            unsigned(out, SEQ_NO, m.seqNo());
            sourceFields(out, addr, m.sourceAddr(), node, m.sourceNode(), port, m.sourcePort());
        } else if (message instanceof IndirectPingRequest m) {
            boolean addr = !m.sourceAddr().isEmpty();
            boolean node = !m.sourceNode().isEmpty();
            boolean port = m.sourcePort() != 0;
            out.writeMapHeader(5 + count(addr) + count(node) + count(port));
            bool(out, NACK, m.nack());
            string(out, NODE, m.node());
            unsigned(out, PORT, m.port());
            unsigned(out, SEQ_NO, m.seqNo());
            sourceFields(out, addr, m.sourceAddr(), node, m.sourceNode(), port, m.sourcePort());
            bytes(out, TARGET, m.target());
        } else if (message instanceof AckResponse m) {
            out.writeMapHeader(2);
            bytes(out, PAYLOAD, m.payload());
            unsigned(out, SEQ_NO, m.seqNo());
        } else if (message instanceof NackResponse m) {
            out.writeMapHeader(1);
            unsigned(out, SEQ_NO, m.seqNo());
        } else if (message instanceof ErrorResponse m) {
            out.writeMapHeader(1);
            string(out, ERROR, m.error());
        } else if (message instanceof Suspect m) {
            accusation(out, m.incarnation(), m.node(), m.from());
        } else if (message instanceof Dead m) {
            accusation(out, m.incarnation(), m.node(), m.from());
        } else if (message instanceof Alive m) {
            out.writeMapHeader(6);
            bytes(out, ADDR, m.addr());
            unsigned(out, INCARNATION, m.incarnation());
            bytes(out, META, m.meta());
            string(out, NODE, m.node());
            unsigned(out, PORT, m.port());
            bytes(out, VSN, m.vsn());
        } else if (message instanceof PushPullHeader m) {
            out.writeMapHeader(3);
            bool(out, JOIN, m.join());
            goInt(out, NODES, requireAtMost(m.nodes(), MessageCodec.MAX_PUSH_PULL_NODES, "nodes"));
            goInt(out, USER_STATE_LEN,
                    requireAtMost(m.userStateLen(), MessageCodec.MAX_USER_STATE_LENGTH, "userStateLen"));
        } else if (message instanceof PushNodeState m) {
            out.writeMapHeader(7);
            bytes(out, ADDR, m.addr());
            unsigned(out, INCARNATION, m.incarnation());
            bytes(out, META, m.meta());
            string(out, NAME, m.name());
            unsigned(out, PORT, m.port());
            goInt(out, STATE, requireAtMost(m.state(), Integer.MAX_VALUE, "state"));
            bytes(out, VSN, m.vsn());
        } else if (message instanceof UserMessageHeader m) {
            out.writeMapHeader(1);
            goInt(out, USER_MSG_LEN,
                    requireAtMost(m.userMsgLen(), MessageCodec.MAX_USER_MESSAGE_LENGTH, "userMsgLen"));
        } else if (message instanceof Compress m) {
            out.writeMapHeader(2);
            unsigned(out, ALGO, m.algo());
            bytes(out, BUF, m.buf());
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
    private static void goInt(GoMsgpackWriter out, byte[] key, int value) {
        unsigned(out, key, value);
    }

    private static void unsigned(GoMsgpackWriter out, byte[] key, long value) {
        out.writeRaw(key);
        out.writeUnsigned(value);
    }

    private static void bool(GoMsgpackWriter out, byte[] key, boolean value) {
        out.writeRaw(key);
        out.writeBoolean(value);
    }

    private static void string(GoMsgpackWriter out, byte[] key, String value) {
        out.writeRaw(key);
        out.writeString(value);
    }

    private static void bytes(GoMsgpackWriter out, byte[] key, Bytes value) {
        out.writeRaw(key);
        out.writeBytes(value);
    }

    private static void accusation(GoMsgpackWriter out, long incarnation, String node, String from) {
        out.writeMapHeader(3);
        string(out, FROM, from);
        unsigned(out, INCARNATION, incarnation);
        string(out, NODE, node);
    }

    private static void sourceFields(GoMsgpackWriter out, boolean hasAddr, Bytes addr, boolean hasNode, String node,
                                     boolean hasPort, int port) {
        if (hasAddr) {
            bytes(out, SOURCE_ADDR, addr);
        }
        if (hasNode) {
            string(out, SOURCE_NODE, node);
        }
        if (hasPort) {
            unsigned(out, SOURCE_PORT, port);
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
