package dev.memberlist;

/**
 * The root of every exception memberlist throws. Unchecked, like Netty's codec exceptions: a
 * caller can catch this one type to handle every memberlist failure.
 */
public class MemberlistException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, for people
     */
    public MemberlistException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, for people
     * @param cause the underlying failure
     */
    public MemberlistException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception that may skip recording its stack trace, for failures that are expected,
     * frequent and fully described by their message (such as undecodable network input).
     *
     * @param message what went wrong, for people
     * @param cause the underlying failure, or null
     * @param writableStackTrace whether to record the stack trace
     */
    protected MemberlistException(String message, Throwable cause, boolean writableStackTrace) {
        super(message, cause, true, writableStackTrace);
    }
}
