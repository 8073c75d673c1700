package dev.memberlist.wire;

/** Go's {@code compress} wrapper: {@code 0x09} and a msgpack {@code {Algo: 0, Buf: lzw(message)}}. */
final class Compression {

    private Compression() {
    }

    static byte[] wrap(byte[] message) {
        return MessageCodec.encode(new Compress(Compress.LZW, Bytes.wrap(Lzw.compress(message))));
    }

    /** @return the decompressed message, at most {@link Lzw#MAX_DECOMPRESSED_BYTES}; never empty */
    static byte[] unwrap(Compress compress) {
        return unwrap(compress, Lzw.MAX_DECOMPRESSED_BYTES);
    }

    /**
     * @param maxBytes the most bytes accepted; memory beyond it is never allocated
     * @return the decompressed message; never empty
     * @throws WireFormatException {@code OVERSIZED} when it would exceed {@code maxBytes}
     */
    static byte[] unwrap(Compress compress, int maxBytes) {
        if (compress.algo() != Compress.LZW) {
            throw new WireFormatException(WireFormatException.Reason.BAD_COMPRESSION,
                    "cannot decompress unknown algorithm " + compress.algo());
        }
        byte[] buf = compress.buf().array();
        byte[] out = Lzw.decompress(buf, 0, buf.length, maxBytes);
        if (out.length == 0) {
            throw new WireFormatException(WireFormatException.Reason.BAD_COMPRESSION, "decompressed to nothing");
        }
        return out;
    }
}
