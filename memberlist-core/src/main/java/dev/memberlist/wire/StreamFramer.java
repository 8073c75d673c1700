package dev.memberlist.wire;

/**
 * Finds where one stream message ends, as bytes arrive, without any key: the transport needs this
 * because unencrypted stream messages carry no length prefix. A frame is an optional label header
 * (requests only), then an encrypted frame ({@code 0x0a} + u32 length), a compressed message
 * ({@code 0x09} + one msgpack map), a push/pull (header, N node states, user state bytes), a user
 * message (header, payload bytes), or a ping, ack or error (one map).
 *
 * <p>Resumable: it keeps its place between calls (how far it has validated, and a
 * {@link MsgpackScanner} inside the value it is reading), so a frame arriving in any number of chunks
 * is framed in time linear in its length, whatever its shape. Headers are decoded once, when they are
 * complete. One instance per connection; not thread-safe.
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
    private final MsgpackScanner scanner = new MsgpackScanner();
    private int labelBytes = -1;
    private int type = -1;
    // Where the value being scanned starts: the body after the type byte; for push/pull and user
    // messages the header, then each node state in turn, then the trailing bytes.
    private int position;
    private boolean headerRead;
    private int nodesRemaining;
    private int trailingBytes;

    /**
     * @param side the end read
     * @param maxFrameBytes the largest frame accepted
     */
    public StreamFramer(Side side, int maxFrameBytes) {
        this.side = side;
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Continues framing with the bytes that have arrived. Every call must pass the same stream from
     * the same offset, each time with as many bytes as before or more.
     *
     * @param buf the bytes received so far
     * @param offset where the stream starts in {@code buf}
     * @param length how many bytes have arrived
     * @return the length of the first complete frame, or -1 when more bytes are needed
     * @throws WireFormatException for input that is no frame, or a frame above the size limit (as soon
     *     as the bytes read show that it will be)
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
            scanner.start(position);
        }
        int frameEnd = scan(buf, end);
        long needed = frameEnd < 0 ? Math.max(end, minimumEnd()) : frameEnd;
        if (needed - offset > maxFrameBytes) {
            throw new WireFormatException(WireFormatException.Reason.OVERSIZED,
                    "stream frame exceeds " + maxFrameBytes + " bytes");
        }
        return frameEnd < 0 ? -1 : frameEnd - offset;
    }

    /** Forgets all progress, to frame another stream. */
    public void reset() {
        labelBytes = -1;
        type = -1;
        position = 0;
        headerRead = false;
        nodesRemaining = 0;
        trailingBytes = 0;
    }

    /** @return how many msgpack value headers this framer has read, for tests of its cost */
    long scanSteps() {
        return scanner.steps();
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
        return scanner.resume(buf, end);
    }

    private int scanPushPull(byte[] buf, int end) {
        if (!headerRead) {
            PushPullHeader header = readHeader(PushPullHeader.class, buf, end);
            if (header == null) {
                return -1;
            }
            nodesRemaining = header.nodes();
            trailingBytes = header.userStateLen();
        }
        while (nodesRemaining > 0) {
            int after = scanner.resume(buf, end);
            if (after < 0) {
                return -1;
            }
            position = after;
            nodesRemaining--;
            scanner.start(position);
        }
        return trailing(end);
    }

    private int scanUser(byte[] buf, int end) {
        if (!headerRead) {
            UserMessageHeader header = readHeader(UserMessageHeader.class, buf, end);
            if (header == null) {
                return -1;
            }
            trailingBytes = header.userMsgLen();
        }
        return trailing(end);
    }

    /** Scans on to the end of a header, then decodes it, once. @return the header, or null when incomplete */
    private <T extends Message> T readHeader(Class<T> kind, byte[] buf, int end) {
        int headerEnd = scanner.resume(buf, end);
        if (headerEnd < 0) {
            return null;
        }
        T header = MessageCodec.decodeBody(kind, buf, position, headerEnd - position).message();
        position = headerEnd;
        headerRead = true;
        scanner.start(position);
        return header;
    }

    private int trailing(int end) {
        long frameEnd = (long) position + trailingBytes;
        return frameEnd <= end ? (int) frameEnd : -1;
    }

    /** @return the least end the frame can have, from what has been read so far */
    private long minimumEnd() {
        if (!headerRead) {
            return scanner.minimumEnd();
        }
        if (nodesRemaining > 0) {
            return scanner.minimumEnd() + nodesRemaining - 1 + trailingBytes;
        }
        return (long) position + trailingBytes;
    }
}
