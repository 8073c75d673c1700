package dev.memberlist.sim;

import dev.memberlist.transport.InboundPacket;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.Transport;
import dev.memberlist.transport.TransportHandler;
import dev.memberlist.wire.CodecSettings;
import dev.memberlist.wire.Message;
import dev.memberlist.wire.MessageCodec;
import dev.memberlist.wire.StreamCodec;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A host on the simulated network that runs no memberlist, only sends what a test hands it: an
 * unauthenticated peer forging messages. It keeps the datagrams it receives and closes streams.
 */
public final class SimIntruder {

    private final Transport transport;
    private final StreamCodec streams = new StreamCodec(CodecSettings.plain());
    private final List<InboundPacket> received = new ArrayList<>();

    /**
     * @param cluster the cluster whose network it joins
     * @param addressIndex picks its address, see {@link SimulatedNetwork#address(int)}
     */
    public SimIntruder(SimCluster cluster, int addressIndex) {
        InetSocketAddress address = SimulatedNetwork.address(addressIndex);
        this.transport = cluster.network().transport(address, cluster.scheduler().forNode("intruder-" + addressIndex));
        transport.start(new TransportHandler() {
            @Override
            public void onPacket(InboundPacket packet) {
                received.add(packet);
            }

            @Override
            public void onStream(InboundStream stream) {
                stream.close();
            }
        });
    }

    /**
     * Sends one message, unencrypted and unlabelled, as a datagram.
     *
     * @param to the destination
     * @param message the forged message
     */
    public void sendPacket(InetSocketAddress to, Message message) {
        transport.sendPacket(to, MessageCodec.encode(message));
    }

    /**
     * Opens a stream with one forged request, unencrypted and unlabelled.
     *
     * @param to the destination
     * @param message the encoded request message, e.g. from {@link StreamCodec#pushPull}
     * @param timeout the stream's deadline
     * @return the raw response frame
     */
    public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] message, Duration timeout) {
        return transport.exchange(to, streams.encodeRequest(message), timeout);
    }

    /** @return every datagram received so far */
    public List<InboundPacket> received() {
        return List.copyOf(received);
    }
}
