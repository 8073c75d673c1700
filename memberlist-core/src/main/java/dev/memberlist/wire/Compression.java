package dev.memberlist.wire;

/** Go's {@code compress} wrapper: {@code 0x09} and a msgpack {@code {Algo: 0, Buf: lzw(message)}}. */
final class Compression {

    private Compression() {
    }

    static byte[] wrap(byte[] message) {
        return MessageCodec.encode(new Compress(Compress.LZW, Bytes.wrap(Lzw.compress(message))));
    }

    /** @return the decompressed message; never empty */
    static byte[] unwrap(Compress compress) {
        if (compress.algo() != Compress.LZW) {
            throw new WireFormatException(WireFormatException.Reason.BAD_COMPRESSION,
                    "cannot decompress unknown algorithm " + compress.algo());
        }
        byte[] buf = compress.buf().array();
        byte[] out = Lzw.decompress(buf, 0, buf.length, Lzw.MAX_DECOMPRESSED_BYTES);
        if (out.length == 0) {
            throw new WireFormatException(WireFormatException.Reason.BAD_COMPRESSION, "decompressed to nothing");
        }
        return out;
    }
}
