package dev.memberlist.spring.event;

import java.util.Objects;

/**
 * An attempt to join the seeds failed: no seed resolved, none answered, or only this node did. The
 * node stays alone, keeps serving, and tries again after a backoff; joins never give up.
 */
public final class JoinFailedEvent extends MemberlistEvent {
    private static final long serialVersionUID = 1L;

    private final transient Throwable cause;

    private final int attempt;

    /**
     * @param source the publisher
     * @param cause why the attempt failed
     * @param attempt the attempt's number since the node started looking for its seeds, from 1
     */
    public JoinFailedEvent(Object source, Throwable cause, int attempt) {
        super(source);
        this.cause = Objects.requireNonNull(cause, "cause");
        this.attempt = attempt;
    }

    /** @return why the attempt failed */
    public Throwable getCause() {
        return cause;
    }

    /** @return the attempt's number since the node started looking for its seeds, from 1 */
    public int getAttempt() {
        return attempt;
    }

    @Override
    public String toString() {
        return "JoinFailedEvent[attempt=" + attempt + ", cause=" + cause.getMessage() + "]";
    }
}
