package dev.memberlist.wire;

/**
 * Finds where one stream message ends, as bytes arrive, without any key: the transport needs this
 * because unencrypted stream messages carry no length prefix. A frame is an optional label header
 * (requests only), then an encrypted frame ({@code 0x0a} + u32 length), a compressed message
 * ({@code 0x09} + one msgpack map), a push/pull (header, N node states, user state bytes), a user
 * message (header, payload bytes), or a ping, ack or error (one map).
 *
 * <p>Resumable: it remembers how far it has validated, so feeding a large push/pull a chunk at a
 * time costs linear time. One instance per connection; not thread-safe.
 */
public final class StreamFramer {

    /** Which end of a stream the framer reads. */
    public enum Side {
        /** The initiator's request, which may start with a label header. */
        REQUEST,
        /** The responder's reply, which never has one. */
        RESPONSE
    }

    /** Go's cap on an encrypted frame's payload: 20 MiB. */
    public static final int MAX_ENCRYPTED_FRAME_BYTES = 20 * 1024 * 1024;

    private final Side side;
    private final int maxFrameBytes;
    private int labelBytes = -1;
    private int type = -1;
    private int position;
    private int nodesRemaining = -1;
    private int trailingBytes = -1;

    /**
     * @param side the end read
     * @param maxFrameBytes the largest frame accepted
     */
    public StreamFramer(Side side, int maxFrameBytes) {
        this.side = side;
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * @param buf the bytes received so far
     * @param offset where the stream starts in {@code buf}
     * @param length how many bytes have arrived
     * @return the length of the first complete frame, or -1 when more bytes are needed
     * @throws WireFormatException for input that is no frame, or a frame above the size limit
     */
    public int frameLength(byte[] buf, int offset, int length) {
        int end = offset + length;
        if (labelBytes < 0) {
            labelBytes = side == Side.REQUEST ? LabelHeader.headerLength(buf, offset, length) : 0;
            if (labelBytes < 0) {
                return -1;
            }
            position = offset + labelBytes;
        }
        if (type < 0) {
            if (position >= end) {
                return -1;
            }
            type = buf[position] & 0xff;
            position++;
            checkType();
        }
        int total = scan(buf, end);
        int consumed = (total < 0 ? end : total) - offset;
        if (consumed > maxFrameBytes) {
            throw new WireFormatException(WireFormatException.Reason.OVERSIZED,
                    "stream frame exceeds " + maxFrameBytes + " bytes");
        }
        return total < 0 ? -1 : total - offset;
    }

    /** Forgets all progress, to frame another stream. */
    public void reset() {
        labelBytes = -1;
        type = -1;
        position = 0;
        nodesRemaining = -1;
        trailingBytes = -1;
    }

    /** Reads the u32 length of an encrypted frame whose {@code 0x0a} is at {@code offset}. */
    static long frameLengthField(byte[] buf, int offset) {
        return (buf[offset + 1] & 0xffL) << 24 | (buf[offset + 2] & 0xffL) << 16 | (buf[offset + 3] & 0xffL) << 8
                | (buf[offset + 4] & 0xffL);
    }

    private void checkType() {
        boolean known = type == MessageType.ENCRYPT.code() || type == MessageType.COMPRESS.code()
                || type == MessageType.PUSH_PULL.code() || type == MessageType.USER.code()
                || type == MessageType.PING.code() || type == MessageType.ACK_RESP.code()
                || type == MessageType.ERR.code();
        if (!known) {
            throw new WireFormatException(WireFormatException.Reason.UNKNOWN_TYPE, "unexpected stream message type " + type);
        }
    }

    /** @return the absolute end of the frame, or -1 */
    private int scan(byte[] buf, int end) {
        if (type == MessageType.ENCRYPT.code()) {
            if (end - position < 4) {
                return -1;
            }
            long declared = frameLengthField(buf, position - 1);
            if (declared > MAX_ENCRYPTED_FRAME_BYTES || declared > maxFrameBytes) {
                throw new WireFormatException(WireFormatException.Reason.OVERSIZED,
                        "encrypted frame of " + declared + " bytes exceeds the limit");
            }
            long frameEnd = position + 4 + declared;
            return frameEnd <= end ? (int) frameEnd : -1;
        }
        if (type == MessageType.PUSH_PULL.code()) {
            return scanPushPull(buf, end);
        }
        if (type == MessageType.USER.code()) {
            return scanUser(buf, end);
        }
        int after = MsgpackScanner.skip(buf, position, end);
        return after;
    }

    private int scanPushPull(byte[] buf, int end) {
        if (nodesRemaining < 0) {
            PushPullHeader header;
            try {
                MessageCodec.Decoded<PushPullHeader> decoded = MessageCodec.decodeBody(PushPullHeader.class, buf,
                        position, end - position);
                header = decoded.message();
                position += decoded.consumed();
            } catch (WireFormatException e) {
                if (e.reason() == WireFormatException.Reason.TRUNCATED) {
                    return -1;
                }
                throw e;
            }
            nodesRemaining = header.nodes();
            trailingBytes = header.userStateLen();
        }
        while (nodesRemaining > 0) {
            int after = MsgpackScanner.skip(buf, position, end);
            if (after < 0) {
                return -1;
            }
            position = after;
            nodesRemaining--;
        }
        return trailing(end);
    }

    private int scanUser(byte[] buf, int end) {
        if (trailingBytes < 0) {
            try {
                MessageCodec.Decoded<UserMessageHeader> decoded = MessageCodec.decodeBody(UserMessageHeader.class, buf,
                        position, end - position);
                position += decoded.consumed();
                trailingBytes = decoded.message().userMsgLen();
            } catch (WireFormatException e) {
                if (e.reason() == WireFormatException.Reason.TRUNCATED) {
                    return -1;
                }
                throw e;
            }
        }
        return trailing(end);
    }

    private int trailing(int end) {
        long frameEnd = (long) position + trailingBytes;
        if (frameEnd - position > maxFrameBytes) {
            throw new WireFormatException(WireFormatException.Reason.OVERSIZED, "stream frame exceeds the limit");
        }
        return frameEnd <= end ? (int) frameEnd : -1;
    }
}
