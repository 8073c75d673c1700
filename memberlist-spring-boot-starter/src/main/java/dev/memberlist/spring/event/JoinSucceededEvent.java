package dev.memberlist.spring.event;

/**
 * An attempt to join the seeds succeeded: at least one seed answered and this node now knows other
 * members. Published again each time the node, having found itself alone, joins anew.
 */
public final class JoinSucceededEvent extends MemberlistEvent {
    private static final long serialVersionUID = 1L;

    private final int reachedNodes;

    private final int attempt;

    /**
     * @param source the publisher
     * @param reachedNodes how many seed addresses answered
     * @param attempt the attempt's number since the node started looking for its seeds, from 1
     */
    public JoinSucceededEvent(Object source, int reachedNodes, int attempt) {
        super(source);
        this.reachedNodes = reachedNodes;
        this.attempt = attempt;
    }

    /** @return how many seed addresses answered */
    public int getReachedNodes() {
        return reachedNodes;
    }

    /** @return the attempt's number since the node started looking for its seeds, from 1 */
    public int getAttempt() {
        return attempt;
    }

    @Override
    public String toString() {
        return "JoinSucceededEvent[reachedNodes=" + reachedNodes + ", attempt=" + attempt + "]";
    }
}
