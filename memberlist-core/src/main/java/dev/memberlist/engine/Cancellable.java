package dev.memberlist.engine;

/** A scheduled task that can be called off. */
@FunctionalInterface
public interface Cancellable {

    /** Stops the task from running if it has not run yet; does nothing otherwise. */
    void cancel();
}
