package dev.memberlist.wire;

import org.msgpack.core.MessagePacker;

import java.io.IOException;

import static dev.memberlist.wire.FieldNames.ADDR;
import static dev.memberlist.wire.FieldNames.ALGO;
import static dev.memberlist.wire.FieldNames.BUF;
import static dev.memberlist.wire.FieldNames.ERROR;
import static dev.memberlist.wire.FieldNames.FROM;
import static dev.memberlist.wire.FieldNames.INCARNATION;
import static dev.memberlist.wire.FieldNames.JOIN;
import static dev.memberlist.wire.FieldNames.META;
import static dev.memberlist.wire.FieldNames.NACK;
import static dev.memberlist.wire.FieldNames.NAME;
import static dev.memberlist.wire.FieldNames.NODE;
import static dev.memberlist.wire.FieldNames.NODES;
import static dev.memberlist.wire.FieldNames.PAYLOAD;
import static dev.memberlist.wire.FieldNames.PORT;
import static dev.memberlist.wire.FieldNames.SEQ_NO;
import static dev.memberlist.wire.FieldNames.SOURCE_ADDR;
import static dev.memberlist.wire.FieldNames.SOURCE_NODE;
import static dev.memberlist.wire.FieldNames.SOURCE_PORT;
import static dev.memberlist.wire.FieldNames.STATE;
import static dev.memberlist.wire.FieldNames.TARGET;
import static dev.memberlist.wire.FieldNames.USER_MSG_LEN;
import static dev.memberlist.wire.FieldNames.USER_STATE_LEN;
import static dev.memberlist.wire.FieldNames.VSN;

/**
 * Writes each message's msgpack map in Go's shape: keys in byte order of the field names, omitempty
 * only where Go's struct tags say so (the {@code Source*} fields of pings and indirect pings).
 */
final class MessageEncoder {

    private MessageEncoder() {
    }

    static void encode(Message message, MessagePacker p) throws IOException {
        if (message instanceof Ping m) {
            p.packMapHeader(2 + sourceFields(m.sourceAddr(), m.sourceNode(), m.sourcePort()));
            key(p, NODE).packString(m.node());
            key(p, SEQ_NO).packLong(m.seqNo());
            writeSource(p, m.sourceAddr(), m.sourceNode(), m.sourcePort());
        } else if (message instanceof IndirectPingRequest m) {
            p.packMapHeader(5 + sourceFields(m.sourceAddr(), m.sourceNode(), m.sourcePort()));
            key(p, NACK).packBoolean(m.nack());
            key(p, NODE).packString(m.node());
            key(p, PORT).packLong(m.port());
            key(p, SEQ_NO).packLong(m.seqNo());
            writeSource(p, m.sourceAddr(), m.sourceNode(), m.sourcePort());
            bytes(key(p, TARGET), m.target());
        } else if (message instanceof AckResponse m) {
            p.packMapHeader(2);
            bytes(key(p, PAYLOAD), m.payload());
            key(p, SEQ_NO).packLong(m.seqNo());
        } else if (message instanceof NackResponse m) {
            p.packMapHeader(1);
            key(p, SEQ_NO).packLong(m.seqNo());
        } else if (message instanceof ErrorResponse m) {
            p.packMapHeader(1);
            key(p, ERROR).packString(m.error());
        } else if (message instanceof Suspect m) {
            accusation(p, m.from(), m.incarnation(), m.node());
        } else if (message instanceof Dead m) {
            accusation(p, m.from(), m.incarnation(), m.node());
        } else if (message instanceof Alive m) {
            p.packMapHeader(6);
            bytes(key(p, ADDR), m.addr());
            key(p, INCARNATION).packLong(m.incarnation());
            bytes(key(p, META), m.meta());
            key(p, NODE).packString(m.node());
            key(p, PORT).packLong(m.port());
            bytes(key(p, VSN), m.vsn());
        } else if (message instanceof PushPullHeader m) {
            p.packMapHeader(3);
            key(p, JOIN).packBoolean(m.join());
            key(p, NODES).packLong(m.nodes());
            key(p, USER_STATE_LEN).packLong(m.userStateLen());
        } else if (message instanceof PushNodeState m) {
            p.packMapHeader(7);
            bytes(key(p, ADDR), m.addr());
            key(p, INCARNATION).packLong(m.incarnation());
            bytes(key(p, META), m.meta());
            key(p, NAME).packString(m.name());
            key(p, PORT).packLong(m.port());
            key(p, STATE).packLong(m.state());
            bytes(key(p, VSN), m.vsn());
        } else if (message instanceof UserMessageHeader m) {
            p.packMapHeader(1);
            key(p, USER_MSG_LEN).packLong(m.userMsgLen());
        } else if (message instanceof Compress m) {
            p.packMapHeader(2);
            key(p, ALGO).packLong(m.algo());
            bytes(key(p, BUF), m.buf());
        } else {
            throw new IllegalArgumentException(message.type() + " has no msgpack body");
        }
    }

    private static void accusation(MessagePacker p, String from, long incarnation, String node) throws IOException {
        p.packMapHeader(3);
        key(p, FROM).packString(from);
        key(p, INCARNATION).packLong(incarnation);
        key(p, NODE).packString(node);
    }

    /** How many of the omitempty {@code Source*} fields are present. */
    private static int sourceFields(Bytes addr, String node, int port) {
        return (addr.isEmpty() ? 0 : 1) + (node.isEmpty() ? 0 : 1) + (port == 0 ? 0 : 1);
    }

    /** Writes the {@code Source*} fields that are present, in key order (Addr, Node, Port). */
    private static void writeSource(MessagePacker p, Bytes addr, String node, int port) throws IOException {
        if (!addr.isEmpty()) {
            bytes(key(p, SOURCE_ADDR), addr);
        }
        if (!node.isEmpty()) {
            key(p, SOURCE_NODE).packString(node);
        }
        if (port != 0) {
            key(p, SOURCE_PORT).packLong(port);
        }
    }

    private static MessagePacker key(MessagePacker p, byte[] name) throws IOException {
        p.packRawStringHeader(name.length);
        p.writePayload(name);
        return p;
    }

    private static void bytes(MessagePacker p, Bytes value) throws IOException {
        if (value.isNil()) {
            p.packNil();
        } else {
            p.packRawStringHeader(value.length());
            p.writePayload(value.array());
        }
    }
}
