package dev.memberlist.transport.netty;

import dev.memberlist.transport.InboundPacket;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.TransportHandler;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;

/**
 * Keeps every packet and stream a transport hands over, in arrival order, and answers each stream
 * when given a responder. Thread-safe.
 */
final class RecordingTransportHandler implements TransportHandler {

    final BlockingQueue<InboundPacket> packets = new LinkedBlockingQueue<>();
    final BlockingQueue<InboundStream> streams = new LinkedBlockingQueue<>();
    private final UnaryOperator<byte[]> responder;

    RecordingTransportHandler() {
        this(null);
    }

    /** @param responder turns each request into the reply, at once on the I/O thread */
    RecordingTransportHandler(UnaryOperator<byte[]> responder) {
        this.responder = responder;
    }

    @Override
    public void onPacket(InboundPacket packet) {
        packets.add(packet);
    }

    @Override
    public void onStream(InboundStream stream) {
        streams.add(stream);
        if (responder != null) {
            stream.reply(responder.apply(stream.request()));
        }
    }
}
