package dev.memberlist.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Lifeguard's dynamic suspicion timeout ({@code memberlist.suspicion.*}): how long a suspected node
 * has to refute before it is declared dead.
 */
public class SuspicionProperties {

    /** Multiplier of the minimum suspicion timeout, 1 to 1024: multiplier * max(1, log10(n)) * probe interval. */
    private @Nullable Integer multiplier;

    /** Multiplier of the minimum suspicion timeout that gives the maximum, 1 to 1024; confirmations from other nodes shorten it towards the minimum. */
    private @Nullable Integer maxTimeoutMultiplier;

    public @Nullable Integer getMultiplier() {
        return multiplier;
    }

    public void setMultiplier(@Nullable Integer multiplier) {
        this.multiplier = multiplier;
    }

    public @Nullable Integer getMaxTimeoutMultiplier() {
        return maxTimeoutMultiplier;
    }

    public void setMaxTimeoutMultiplier(@Nullable Integer maxTimeoutMultiplier) {
        this.maxTimeoutMultiplier = maxTimeoutMultiplier;
    }
}
