package dev.memberlist.spring.lifecycle;

/**
 * Told how each attempt to join the seeds ended. Called on memberlist's threads, which must not
 * block: hand slow work off.
 */
public interface JoinListener {

    /**
     * An attempt reached at least one seed, and the node now knows other members.
     *
     * @param reached how many seed addresses answered
     * @param attempt the attempt's number since the node started looking for its seeds, from 1
     */
    void joinSucceeded(int reached, int attempt);

    /**
     * An attempt failed; the node stays alone and tries again after a backoff.
     *
     * @param cause why: no seed resolved, none answered, or only this node answered
     * @param attempt the attempt's number since the node started looking for its seeds, from 1
     */
    void joinFailed(Throwable cause, int attempt);
}
