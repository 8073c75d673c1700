package dev.memberlist.state;

import java.util.function.IntConsumer;

/**
 * Lifeguard's local health multiplier (Go's {@code awareness}): a score in {@code [0, max)} that
 * rises when this node's own probes fail or it has to refute accusations, and falls when probes
 * succeed. A high score means this node is probably the slow one, so it waits longer before
 * accusing others. Engine thread only.
 */
public final class Awareness {

    private final int max;
    private final IntConsumer onChange;
    private int score;

    /**
     * @param max the multiplier cap ({@code AwarenessMaxMultiplier}); the score stays below it
     * @param onChange told the new score whenever it changes
     */
    public Awareness(int max, IntConsumer onChange) {
        if (max < 1) {
            throw new IllegalArgumentException("awareness max multiplier must be at least 1: " + max);
        }
        this.max = max;
        this.onChange = onChange;
    }

    /**
     * Adds a delta, clamped to {@code [0, max − 1]}.
     *
     * @param delta positive when health got worse, negative when it improved
     */
    public void applyDelta(int delta) {
        int next = Math.max(0, Math.min(max - 1, score + delta));
        if (next != score) {
            score = next;
            onChange.accept(next);
        }
    }

    /** @return the current score; 0 is perfectly healthy */
    public int score() {
        return score;
    }

    /**
     * Scales a timeout by {@code score + 1}.
     *
     * @param timeoutNanos the base timeout
     * @return the scaled timeout
     */
    public long scaleTimeoutNanos(long timeoutNanos) {
        return timeoutNanos * (score + 1);
    }
}
