package dev.memberlist.wire;

import java.util.Optional;

/**
 * The one-byte message types of Go memberlist. The numbers are part of the protocol and never
 * change (Go: "only append").
 */
public enum MessageType {
    /** A direct probe; also the TCP fallback ping. */
    PING(0, "ping"),
    /** Asks a relay to probe a node on the sender's behalf. */
    INDIRECT_PING(1, "indirect_ping"),
    /** Answers a ping. */
    ACK_RESP(2, "ack"),
    /** Accuses a node of being unreachable. */
    SUSPECT(3, "suspect"),
    /** Announces a node (join, refutation, metadata update). */
    ALIVE(4, "alive"),
    /** Declares a node dead, or (when {@code From == Node}) that it left. */
    DEAD(5, "dead"),
    /** TCP anti-entropy: a whole node table and user state. */
    PUSH_PULL(6, "push_pull"),
    /** Several messages in one UDP packet. */
    COMPOUND(7, "compound"),
    /** Application data: raw on UDP, with a length header on TCP. */
    USER(8, "user"),
    /** An LZW-compressed message. */
    COMPRESS(9, "compress"),
    /** The prefix of an encrypted TCP frame (never used as a UDP type byte). */
    ENCRYPT(10, "encrypt"),
    /** A relay's report that the target did not answer an indirect probe. */
    NACK_RESP(11, "nack"),
    /** A CRC32 in front of a UDP packet. */
    HAS_CRC(12, "crc"),
    /** A TCP responder's error text. */
    ERR(13, "err"),
    /** A label in front of a packet or stream (memberlist 0.3 and later). */
    HAS_LABEL(244, "label");

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final String metricName;

    MessageType(int code, String metricName) {
        this.code = code;
        this.metricName = metricName;
    }

    /** @return a short lowercase name for metrics and logs, e.g. {@code ping}, {@code indirect_ping}, {@code ack} */
    public String metricName() {
        return metricName;
    }

    /** @return the type byte, 0..255 */
    public int code() {
        return code;
    }

    /**
     * Looks up a type byte.
     *
     * @param code the byte as read, any value
     * @return the type, or empty when the byte names none
     */
    public static Optional<MessageType> fromCode(int code) {
        return code < 0 || code > 255 ? Optional.empty() : Optional.ofNullable(BY_CODE[code]);
    }
}
