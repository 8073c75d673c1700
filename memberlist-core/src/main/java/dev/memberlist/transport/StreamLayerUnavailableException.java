package dev.memberlist.transport;

import dev.memberlist.MemberlistException;

/**
 * The configured {@link StreamLayer} cannot run here: its optional libraries are missing from the
 * classpath, or their native code does not load on this platform. Thrown when the transport starts.
 */
public final class StreamLayerUnavailableException extends MemberlistException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing and which artifacts provide it
     * @param cause the underlying failure
     */
    public StreamLayerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
