package dev.memberlist;


/** A ping got no ack within {@code ProbeTimeout} (Go's {@code NoPingResponseError}). */
public final class NoPingResponseException extends MemberlistException {

    private static final long serialVersionUID = 1L;

    /**
     * @param node the node that did not answer
     */
    public NoPingResponseException(String node) {
        super("No response from node " + node);
    }
}
