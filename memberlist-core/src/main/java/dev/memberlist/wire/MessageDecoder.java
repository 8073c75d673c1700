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
import static dev.memberlist.wire.WireFormatException.Reason.OUT_OF_RANGE;
import static dev.memberlist.wire.WireFormatException.Reason.OVERSIZED;

/**
 * Builds each record from one msgpack map, as Go's decoders fill a struct: keys in any order,
 * unknown keys skipped, missing keys left at their zero value ({@code ""}, {@link Bytes#NIL}, 0,
 * false), and a repeated key overwriting the earlier value.
 */
final class MessageDecoder {

    private MessageDecoder() {
    }

    static Message read(Class<? extends Message> kind, GoMsgpackReader r) {
        if (kind == Ping.class) {
            return ping(r);
        } else if (kind == IndirectPingRequest.class) {
            return indirectPing(r);
        } else if (kind == AckResponse.class) {
            return ack(r);
        } else if (kind == NackResponse.class) {
            return nack(r);
        } else if (kind == ErrorResponse.class) {
            return error(r);
        } else if (kind == Suspect.class) {
            Accusation a = accusation(r);
            return new Suspect(a.incarnation, a.node, a.from);
        } else if (kind == Dead.class) {
            Accusation a = accusation(r);
            return new Dead(a.incarnation, a.node, a.from);
        } else if (kind == Alive.class) {
            return alive(r);
        } else if (kind == PushPullHeader.class) {
            return pushPullHeader(r);
        } else if (kind == PushNodeState.class) {
            return pushNodeState(r);
        } else if (kind == UserMessageHeader.class) {
            return userMessageHeader(r);
        } else if (kind == Compress.class) {
            return compress(r);
        }
        throw new IllegalArgumentException(kind.getSimpleName() + " has no msgpack body");
    }

    private static Ping ping(GoMsgpackReader r) {
        long seqNo = 0;
        String node = "";
        Bytes sourceAddr = Bytes.NIL;
        int sourcePort = 0;
        String sourceNode = "";
        for (int n = r.readMapHeader(); n > 0; n--) {
            r.readKey();
            if (r.keyIs(NODE)) {
                node = r.readString();
            } else if (r.keyIs(SEQ_NO)) {
                seqNo = r.readU32();
            } else if (r.keyIs(SOURCE_ADDR)) {
                sourceAddr = r.readBytes();
            } else if (r.keyIs(SOURCE_NODE)) {
                sourceNode = r.readString();
            } else if (r.keyIs(SOURCE_PORT)) {
                sourcePort = r.readU16();
            } else {
                r.skipValue();
            }
        }
        return new Ping(seqNo, node, sourceAddr, sourcePort, sourceNode);
    }

    private static IndirectPingRequest indirectPing(GoMsgpackReader r) {
        long seqNo = 0;
        Bytes target = Bytes.NIL;
        int port = 0;
        String node = "";
        boolean nack = false;
        Bytes sourceAddr = Bytes.NIL;
        int sourcePort = 0;
        String sourceNode = "";
        for (int n = r.readMapHeader(); n > 0; n--) {
            r.readKey();
            if (r.keyIs(NACK)) {
                nack = r.readBool();
            } else if (r.keyIs(NODE)) {
                node = r.readString();
            } else if (r.keyIs(PORT)) {
                port = r.readU16();
            } else if (r.keyIs(SEQ_NO)) {
                seqNo = r.readU32();
            } else if (r.keyIs(SOURCE_ADDR)) {
                sourceAddr = r.readBytes();
            } else if (r.keyIs(SOURCE_NODE)) {
                sourceNode = r.readString();
            } else if (r.keyIs(SOURCE_PORT)) {
                sourcePort = r.readU16();
            } else if (r.keyIs(TARGET)) {
                target = r.readBytes();
            } else {
                r.skipValue();
            }
        }
        return new IndirectPingRequest(seqNo, target, port, node, nack, sourceAddr, sourcePort, sourceNode);
    }

    private static AckResponse ack(GoMsgpackReader r) {
        long seqNo = 0;
        Bytes payload = Bytes.NIL;
        for (int n = r.readMapHeader(); n > 0; n--) {
            r.readKey();
            if (r.keyIs(PAYLOAD)) {
                payload = r.readBytes();
            } else if (r.keyIs(SEQ_NO)) {
                seqNo = r.readU32();
            } else {
                r.skipValue();
            }
        }
        return new AckResponse(seqNo, payload);
    }

    private static NackResponse nack(GoMsgpackReader r) {
        long seqNo = 0;
        for (int n = r.readMapHeader(); n > 0; n--) {
            r.readKey();
            if (r.keyIs(SEQ_NO)) {
                seqNo = r.readU32();
            } else {
                r.skipValue();
            }
        }
        return new NackResponse(seqNo);
    }

    private static ErrorResponse error(GoMsgpackReader r) {
        String error = "";
        for (int n = r.readMapHeader(); n > 0; n--) {
            r.readKey();
            if (r.keyIs(ERROR)) {
                error = r.readString();
            } else {
                r.skipValue();
            }
        }
        return new ErrorResponse(error);
    }

    /** The fields suspect and dead share. */
    private record Accusation(long incarnation, String node, String from) {
    }

    private static Accusation accusation(GoMsgpackReader r) {
        long incarnation = 0;
        String node = "";
        String from = "";
        for (int n = r.readMapHeader(); n > 0; n--) {
            r.readKey();
            if (r.keyIs(FROM)) {
                from = r.readString();
            } else if (r.keyIs(INCARNATION)) {
                incarnation = r.readU32();
            } else if (r.keyIs(NODE)) {
                node = r.readString();
            } else {
                r.skipValue();
            }
        }
        return new Accusation(incarnation, node, from);
    }

    private static Alive alive(GoMsgpackReader r) {
        long incarnation = 0;
        String node = "";
        Bytes addr = Bytes.NIL;
        int port = 0;
        Bytes meta = Bytes.NIL;
        Bytes vsn = Bytes.NIL;
        for (int n = r.readMapHeader(); n > 0; n--) {
            r.readKey();
            if (r.keyIs(ADDR)) {
                addr = r.readBytes();
            } else if (r.keyIs(INCARNATION)) {
                incarnation = r.readU32();
            } else if (r.keyIs(META)) {
                meta = r.readBytes();
            } else if (r.keyIs(NODE)) {
                node = r.readString();
            } else if (r.keyIs(PORT)) {
                port = r.readU16();
            } else if (r.keyIs(VSN)) {
                vsn = r.readBytes();
            } else {
                r.skipValue();
            }
        }
        return new Alive(incarnation, node, addr, port, meta, vsn);
    }

    private static PushPullHeader pushPullHeader(GoMsgpackReader r) {
        int nodes = 0;
        int userStateLen = 0;
        boolean join = false;
        for (int n = r.readMapHeader(); n > 0; n--) {
            r.readKey();
            if (r.keyIs(JOIN)) {
                join = r.readBool();
            } else if (r.keyIs(NODES)) {
                nodes = atMost(r.readGoInt(), MessageCodec.MAX_PUSH_PULL_NODES, "Nodes");
            } else if (r.keyIs(USER_STATE_LEN)) {
                userStateLen = atMost(r.readGoInt(), MessageCodec.MAX_USER_STATE_LENGTH, "UserStateLen");
            } else {
                r.skipValue();
            }
        }
        return new PushPullHeader(nodes, userStateLen, join);
    }

    private static PushNodeState pushNodeState(GoMsgpackReader r) {
        String name = "";
        Bytes addr = Bytes.NIL;
        int port = 0;
        Bytes meta = Bytes.NIL;
        long incarnation = 0;
        int state = 0;
        Bytes vsn = Bytes.NIL;
        for (int n = r.readMapHeader(); n > 0; n--) {
            r.readKey();
            if (r.keyIs(ADDR)) {
                addr = r.readBytes();
            } else if (r.keyIs(INCARNATION)) {
                incarnation = r.readU32();
            } else if (r.keyIs(META)) {
                meta = r.readBytes();
            } else if (r.keyIs(NAME)) {
                name = r.readString();
            } else if (r.keyIs(PORT)) {
                port = r.readU16();
            } else if (r.keyIs(STATE)) {
                state = javaInt(r.readGoInt());
            } else if (r.keyIs(VSN)) {
                vsn = r.readBytes();
            } else {
                r.skipValue();
            }
        }
        return new PushNodeState(name, addr, port, meta, incarnation, state, vsn);
    }

    private static UserMessageHeader userMessageHeader(GoMsgpackReader r) {
        int userMsgLen = 0;
        for (int n = r.readMapHeader(); n > 0; n--) {
            r.readKey();
            if (r.keyIs(USER_MSG_LEN)) {
                userMsgLen = atMost(r.readGoInt(), MessageCodec.MAX_USER_MESSAGE_LENGTH, "UserMsgLen");
            } else {
                r.skipValue();
            }
        }
        return new UserMessageHeader(userMsgLen);
    }

    private static Compress compress(GoMsgpackReader r) {
        int algo = 0;
        Bytes buf = Bytes.NIL;
        for (int n = r.readMapHeader(); n > 0; n--) {
            r.readKey();
            if (r.keyIs(ALGO)) {
                algo = r.readU8();
            } else if (r.keyIs(BUF)) {
                buf = r.readBytes();
            } else {
                r.skipValue();
            }
        }
        return new Compress(algo, buf);
    }

    private static int atMost(long value, int limit, String field) {
        if (value > limit) {
            throw new WireFormatException(OVERSIZED, field + " " + value + " exceeds the limit " + limit);
        }
        return (int) value;
    }

    private static int javaInt(long value) {
        if (value > Integer.MAX_VALUE) {
            throw new WireFormatException(OUT_OF_RANGE, "int field above 2^31-1: " + value);
        }
        return (int) value;
    }
}
