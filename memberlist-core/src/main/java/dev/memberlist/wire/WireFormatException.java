package dev.memberlist.wire;

import dev.memberlist.MemberlistException;

import java.util.Objects;

/**
 * Bytes that could not be decoded (or a value that cannot be encoded). Every decoding entry point
 * of the wire and security packages throws this, and only this, for bad input. The
 * {@link #reason()} is a stable, low-cardinality label for metrics and logs. No stack trace is
 * recorded: bad input comes from the network, can arrive in floods, and the reason and message say
 * all there is to say (a cause, when there is one, keeps its own trace).
 */
public final class WireFormatException extends MemberlistException {

    private static final long serialVersionUID = 1L;

    /** Why the bytes were rejected; stable names, used as a metric tag. */
    public enum Reason {
        /** The input ended before a complete structure was read. */
        TRUNCATED,
        /** The bytes are not valid msgpack, or a value has the wrong msgpack type. */
        MALFORMED,
        /** A message type byte that is unknown or not allowed in this position. */
        UNKNOWN_TYPE,
        /** A length, count or size above a protocol limit. */
        OVERSIZED,
        /** A value outside the range its field allows (a port above 65535, a negative count). */
        OUT_OF_RANGE,
        /** A CRC32 that does not match its payload. */
        BAD_CRC,
        /**
         * An LZW stream that is invalid, a compression algorithm other than LZW, or a compressed
         * message inside decompressed data (no sender nests compression).
         */
        BAD_COMPRESSION,
        /**
         * The compressed messages of one packet decompress to more than the packet decoder's budget
         * ({@link PacketCodec#MAX_DECOMPRESSED_BYTES}); the whole packet is dropped.
         */
        DECOMPRESSION_BUDGET,
        /** No installed key could decrypt the payload, or the payload is not a valid ciphertext. */
        DECRYPT_FAILED,
        /** Encrypted input arrived but no keyring is configured. */
        ENCRYPTION_NOT_CONFIGURED,
        /** Plain input arrived where encryption is required. */
        ENCRYPTION_REQUIRED,
        /** A malformed label header. */
        BAD_LABEL,
        /** A label that differs from the configured one. */
        LABEL_MISMATCH
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason the stable reason label
     * @param message details for people
     */
    public WireFormatException(Reason reason, String message) {
        super(message, null, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Creates the exception with a cause.
     *
     * @param reason the stable reason label
     * @param message details for people
     * @param cause the underlying failure
     */
    public WireFormatException(Reason reason, String message, Throwable cause) {
        super(message, cause, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the input was rejected */
    public Reason reason() {
        return reason;
    }
}
