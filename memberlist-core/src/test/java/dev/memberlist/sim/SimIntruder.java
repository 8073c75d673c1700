package dev.memberlist.sim;

import dev.memberlist.transport.InboundPacket;
import dev.memberlist.transport.InboundStream;
import dev.memberlist.transport.Transport;
import dev.memberlist.transport.TransportHandler;
import dev.memberlist.wire.Message;
import dev.memberlist.wire.MessageCodec;

import java.net.InetSocketAddress;

/**
 * A host on the simulated network that runs no memberlist, only sends what a test hands it: an
 * unauthenticated peer forging messages. It ignores what it receives.
 */
public final class SimIntruder {

    private final Transport transport;

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
}
