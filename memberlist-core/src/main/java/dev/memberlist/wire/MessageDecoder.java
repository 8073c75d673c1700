package dev.memberlist.wire;

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
 * Reads each message's msgpack map field by field, in any key order; unknown keys are skipped and
 * missing ones keep Go's zero values, as Go's decoders do.
 */
final class MessageDecoder {

    private static final long U32 = 0xffff_ffffL;
    private static final long U16 = 0xffff;
    private static final long GO_INT = Integer.MAX_VALUE;

    private static final byte[][] PING = {NODE, SEQ_NO, SOURCE_ADDR, SOURCE_NODE, SOURCE_PORT};
    private static final byte[][] INDIRECT = {NACK, NODE, PORT, SEQ_NO, SOURCE_ADDR, SOURCE_NODE, SOURCE_PORT, TARGET};
    private static final byte[][] ACK = {PAYLOAD, SEQ_NO};
    private static final byte[][] NACK_KEYS = {SEQ_NO};
    private static final byte[][] ERR = {ERROR};
    private static final byte[][] ACCUSATION = {FROM, INCARNATION, NODE};
    private static final byte[][] ALIVE = {ADDR, INCARNATION, META, NODE, PORT, VSN};
    private static final byte[][] HEADER = {JOIN, NODES, USER_STATE_LEN};
    private static final byte[][] NODE_STATE = {ADDR, INCARNATION, META, NAME, PORT, STATE, VSN};
    private static final byte[][] USER_HEADER = {USER_MSG_LEN};
    private static final byte[][] COMPRESS = {ALGO, BUF};

    private MessageDecoder() {
    }

    static Message decode(Class<? extends Message> kind, MsgpackReader r) {
        if (kind == Ping.class) {
            return ping(r);
        } else if (kind == IndirectPingRequest.class) {
            return indirectPing(r);
        } else if (kind == AckResponse.class) {
            return ack(r);
        } else if (kind == NackResponse.class) {
            long seqNo = 0;
            for (int i = r.mapHeader(); i > 0; i--) {
                if (r.key(NACK_KEYS) == 0) {
                    seqNo = r.integer(0, U32, "SeqNo");
                } else {
                    r.skip();
                }
            }
            return new NackResponse(seqNo);
        } else if (kind == ErrorResponse.class) {
            String error = "";
            for (int i = r.mapHeader(); i > 0; i--) {
                if (r.key(ERR) == 0) {
                    error = r.string();
                } else {
                    r.skip();
                }
            }
            return new ErrorResponse(error);
        } else if (kind == Suspect.class || kind == Dead.class) {
            return accusation(kind, r);
        } else if (kind == Alive.class) {
            return alive(r);
        } else if (kind == PushPullHeader.class) {
            return pushPullHeader(r);
        } else if (kind == PushNodeState.class) {
            return nodeState(r);
        } else if (kind == UserMessageHeader.class) {
            long length = 0;
            for (int i = r.mapHeader(); i > 0; i--) {
                if (r.key(USER_HEADER) == 0) {
                    length = r.integer(0, GO_INT, "UserMsgLen");
                } else {
                    r.skip();
                }
            }
            return new UserMessageHeader(capped(length, MessageCodec.MAX_USER_BYTES, "UserMsgLen"));
        } else if (kind == Compress.class) {
            return compress(r);
        }
        throw new IllegalArgumentException(kind.getSimpleName() + " has no msgpack body");
    }

    private static Ping ping(MsgpackReader r) {
        long seqNo = 0;
        String node = "";
        Bytes sourceAddr = Bytes.NIL;
        String sourceNode = "";
        long sourcePort = 0;
        for (int i = r.mapHeader(); i > 0; i--) {
            switch (r.key(PING)) {
                case 0 -> node = r.string();
                case 1 -> seqNo = r.integer(0, U32, "SeqNo");
                case 2 -> sourceAddr = r.bytes();
                case 3 -> sourceNode = r.string();
                case 4 -> sourcePort = r.integer(0, U16, "SourcePort");
                default -> r.skip();
            }
        }
        return new Ping(seqNo, node, sourceAddr, (int) sourcePort, sourceNode);
    }

    private static IndirectPingRequest indirectPing(MsgpackReader r) {
        boolean nack = false;
        String node = "";
        long port = 0;
        long seqNo = 0;
        Bytes sourceAddr = Bytes.NIL;
        String sourceNode = "";
        long sourcePort = 0;
        Bytes target = Bytes.NIL;
        for (int i = r.mapHeader(); i > 0; i--) {
            switch (r.key(INDIRECT)) {
                case 0 -> nack = r.bool("Nack");
                case 1 -> node = r.string();
                case 2 -> port = r.integer(0, U16, "Port");
                case 3 -> seqNo = r.integer(0, U32, "SeqNo");
                case 4 -> sourceAddr = r.bytes();
                case 5 -> sourceNode = r.string();
                case 6 -> sourcePort = r.integer(0, U16, "SourcePort");
                case 7 -> target = r.bytes();
                default -> r.skip();
            }
        }
        return new IndirectPingRequest(seqNo, target, (int) port, node, nack, sourceAddr, (int) sourcePort, sourceNode);
    }

    private static AckResponse ack(MsgpackReader r) {
        Bytes payload = Bytes.NIL;
        long seqNo = 0;
        for (int i = r.mapHeader(); i > 0; i--) {
            switch (r.key(ACK)) {
                case 0 -> payload = r.bytes();
                case 1 -> seqNo = r.integer(0, U32, "SeqNo");
                default -> r.skip();
            }
        }
        return new AckResponse(seqNo, payload);
    }

    private static Message accusation(Class<? extends Message> kind, MsgpackReader r) {
        String from = "";
        long incarnation = 0;
        String node = "";
        for (int i = r.mapHeader(); i > 0; i--) {
            switch (r.key(ACCUSATION)) {
                case 0 -> from = r.string();
                case 1 -> incarnation = r.integer(0, U32, "Incarnation");
                case 2 -> node = r.string();
                default -> r.skip();
            }
        }
        return kind == Suspect.class ? new Suspect(incarnation, node, from) : new Dead(incarnation, node, from);
    }

    private static Alive alive(MsgpackReader r) {
        Bytes addr = Bytes.NIL;
        long incarnation = 0;
        Bytes meta = Bytes.NIL;
        String node = "";
        long port = 0;
        Bytes vsn = Bytes.NIL;
        for (int i = r.mapHeader(); i > 0; i--) {
            switch (r.key(ALIVE)) {
                case 0 -> addr = r.bytes();
                case 1 -> incarnation = r.integer(0, U32, "Incarnation");
                case 2 -> meta = r.bytes();
                case 3 -> node = r.string();
                case 4 -> port = r.integer(0, U16, "Port");
                case 5 -> vsn = r.bytes();
                default -> r.skip();
            }
        }
        return new Alive(incarnation, node, addr, (int) port, meta, vsn);
    }

    private static PushPullHeader pushPullHeader(MsgpackReader r) {
        boolean join = false;
        long nodes = 0;
        long userStateLen = 0;
        for (int i = r.mapHeader(); i > 0; i--) {
            switch (r.key(HEADER)) {
                case 0 -> join = r.bool("Join");
                case 1 -> nodes = r.integer(0, GO_INT, "Nodes");
                case 2 -> userStateLen = r.integer(0, GO_INT, "UserStateLen");
                default -> r.skip();
            }
        }
        return new PushPullHeader(capped(nodes, MessageCodec.MAX_PUSH_PULL_NODES, "Nodes"),
                capped(userStateLen, MessageCodec.MAX_USER_BYTES, "UserStateLen"), join);
    }

    private static PushNodeState nodeState(MsgpackReader r) {
        Bytes addr = Bytes.NIL;
        long incarnation = 0;
        Bytes meta = Bytes.NIL;
        String name = "";
        long port = 0;
        long state = 0;
        Bytes vsn = Bytes.NIL;
        for (int i = r.mapHeader(); i > 0; i--) {
            switch (r.key(NODE_STATE)) {
                case 0 -> addr = r.bytes();
                case 1 -> incarnation = r.integer(0, U32, "Incarnation");
                case 2 -> meta = r.bytes();
                case 3 -> name = r.string();
                case 4 -> port = r.integer(0, U16, "Port");
                case 5 -> state = r.integer(Integer.MIN_VALUE, Integer.MAX_VALUE, "State");
                case 6 -> vsn = r.bytes();
                default -> r.skip();
            }
        }
        return new PushNodeState(name, addr, (int) port, meta, incarnation, (int) state, vsn);
    }

    private static Compress compress(MsgpackReader r) {
        long algo = 0;
        Bytes buf = Bytes.NIL;
        for (int i = r.mapHeader(); i > 0; i--) {
            switch (r.key(COMPRESS)) {
                case 0 -> algo = r.integer(0, 255, "Algo");
                case 1 -> buf = r.bytes();
                default -> r.skip();
            }
        }
        return new Compress((int) algo, buf);
    }

    private static int capped(long value, int max, String field) {
        if (value > max) {
            throw new WireFormatException(WireFormatException.Reason.OVERSIZED, field + " " + value + " exceeds " + max);
        }
        return (int) value;
    }
}
