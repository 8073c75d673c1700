package dev.memberlist.transport.netty;

import dev.memberlist.transport.InboundPacket;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.TransportHandler;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Keeps every packet and stream a transport hands over, in arrival order. Thread-safe. */
final class RecordingTransportHandler implements TransportHandler {

    final BlockingQueue<InboundPacket> packets = new LinkedBlockingQueue<>();
    final BlockingQueue<InboundStream> streams = new LinkedBlockingQueue<>();

    @Override
    public void onPacket(InboundPacket packet) {
        packets.add(packet);
    }

    @Override
    public void onStream(InboundStream stream) {
        streams.add(stream);
    }
}
