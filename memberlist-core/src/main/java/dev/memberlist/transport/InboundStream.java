package dev.memberlist.transport;

import java.net.InetSocketAddress;

/**
 * An accepted TCP stream whose request has fully arrived. The receiver answers with exactly one of
 * {@link #reply} or {@link #close}; either ends the stream. Implementations are thread-safe.
 */
public interface InboundStream {

    /** @return the complete request frame, label header included (not a copy; do not modify) */
    byte[] request();

    /** @return the initiator's address */
    InetSocketAddress remote();

    /**
     * Writes the response and closes the stream once it is written.
     *
     * @param response the complete response frame
     */
    void reply(byte[] response);

    /** Closes the stream without a response. */
    void close();
}
