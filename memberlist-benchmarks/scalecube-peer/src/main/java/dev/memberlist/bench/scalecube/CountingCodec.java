package dev.memberlist.bench.scalecube;

import io.scalecube.cluster.transport.api.Message;
import io.scalecube.cluster.transport.api.MessageCodec;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * scalecube's own message codec, counting what this member sends. scalecube carries every message
 * (pings, gossip, syncs) over TCP, each in one frame with a 4-byte length prefix, which is counted too.
 */
final class CountingCodec implements MessageCodec {

    private static final int FRAME_PREFIX_BYTES = 4;

    private final MessageCodec codec;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    CountingCodec(MessageCodec codec) {
        this.codec = codec;
    }

    @Override
    public Message deserialize(InputStream stream) throws Exception {
        return codec.deserialize(stream);
    }

    @Override
    public void serialize(Message message, OutputStream stream) throws Exception {
        codec.serialize(message, new FilterOutputStream(stream) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                bytes.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                bytes.addAndGet(len);
            }
        });
        messages.incrementAndGet();
        bytes.addAndGet(FRAME_PREFIX_BYTES);
    }

    /** @return messages sent so far */
    long messages() {
        return messages.get();
    }

    /** @return bytes sent so far, frame prefixes included */
    long bytes() {
        return bytes.get();
    }
}
