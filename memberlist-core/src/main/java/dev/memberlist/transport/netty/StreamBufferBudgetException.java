package dev.memberlist.transport.netty;

/**
 * A stream needs more buffer for its frame than its {@link StreamBufferBudget} has left; the stream
 * is closed. No stack trace: peers can cause it at will.
 */
final class StreamBufferBudgetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StreamBufferBudgetException(String message) {
        super(message, null, false, false);
    }
}
