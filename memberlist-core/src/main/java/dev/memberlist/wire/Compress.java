package dev.memberlist.wire;

import static dev.memberlist.wire.WireValues.requirePresent;

/**
 * A compressed message (Go {@code compress}); {@code buf} holds an LZW stream of a whole message.
 *
 * @param algo the algorithm, {@link #LZW} being the only one defined
 * @param buf the compressed bytes
 */
public record Compress(int algo, Bytes buf) implements Message {

    /** Go's {@code lzwAlgo}. */
    public static final int LZW = 0;

    /** Validates the fields. */
    public Compress {
        if (algo < 0 || algo > 255) {
            throw new IllegalArgumentException("algo must fit in 8 unsigned bits: " + algo);
        }
        requirePresent(buf, "buf");
    }

    @Override
    public MessageType type() {
        return MessageType.COMPRESS;
    }
}
