package dev.memberlist.transport;

/**
 * Receives inbound traffic from a {@link Transport}. Called on transport threads; implementations
 * hand the work to the engine thread and return at once.
 */
public interface TransportHandler {

    /**
     * @param packet a datagram
     */
    void onPacket(InboundPacket packet);

    /**
     * @param stream a stream whose request has fully arrived
     */
    void onStream(InboundStream stream);
}
