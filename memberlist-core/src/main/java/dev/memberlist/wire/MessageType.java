package dev.memberlist.wire;

import java.util.Optional;

/**
 * The one-byte message types of Go memberlist. The numbers are part of the protocol and never
 * change (Go: "only append").
 */
public enum MessageType {
    /** A direct probe; also the TCP fallback ping. */
    PING(0),
    /** Asks a relay to probe a node on the sender's behalf. */
    INDIRECT_PING(1),
    /** Answers a ping. */
    ACK_RESP(2),
    /** Accuses a node of being unreachable. */
    SUSPECT(3),
    /** Announces a node (join, refutation, metadata update). */
    ALIVE(4),
    /** Declares a node dead, or (when {@code From == Node}) that it left. */
    DEAD(5),
    /** TCP anti-entropy: a whole node table and user state. */
    PUSH_PULL(6),
    /** Several messages in one UDP packet. */
    COMPOUND(7),
    /** Application data: raw on UDP, with a length header on TCP. */
    USER(8),
    /** An LZW-compressed message. */
    COMPRESS(9),
    /** The prefix of an encrypted TCP frame (never used as a UDP type byte). */
    ENCRYPT(10),
    /** A relay's report that the target did not answer an indirect probe. */
    NACK_RESP(11),
    /** A CRC32 in front of a UDP packet. */
    HAS_CRC(12),
    /** A TCP responder's error text. */
    ERR(13),
    /** A label in front of a packet or stream (memberlist 0.3 and later). */
    HAS_LABEL(244);

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
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
