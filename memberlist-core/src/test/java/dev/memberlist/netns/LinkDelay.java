package dev.memberlist.netns;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How long a {@link NetworkLab} host holds each packet it sends to the other hosts: {@code mean}
 * give or take {@code jitter}, drawn afresh for every packet, never below zero. Packets between two
 * hosts keep their order (jitter never reorders them, unlike netem's).
 *
 * @param mean the mean delay
 * @param jitter the spread: half the width of a uniform spread, or the standard deviation of a normal one
 * @param distribution how the spread is drawn
 */
record LinkDelay(Duration mean, Duration jitter, Distribution distribution) {

    /** No delay: setting it removes a host's delayer. */
    static final LinkDelay NONE = uniform(Duration.ZERO, Duration.ZERO);

    /** How a delay is drawn around its mean. */
    enum Distribution {
        /** Evenly over {@code mean ± jitter}. */
        UNIFORM,
        /** Normally, with {@code jitter} as the standard deviation. */
        NORMAL
    }

    LinkDelay {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(distribution, "distribution");
        if (mean.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("delay " + mean + " and jitter " + jitter + " must not be negative");
        }
    }

    /**
     * @param mean the mean delay
     * @param jitter half the width of the spread
     * @return a delay drawn evenly over {@code mean ± jitter}
     */
    static LinkDelay uniform(Duration mean, Duration jitter) {
        return new LinkDelay(mean, jitter, Distribution.UNIFORM);
    }

    /**
     * @param mean the mean delay
     * @param deviation the standard deviation
     * @return a normally drawn delay
     */
    static LinkDelay normal(Duration mean, Duration deviation) {
        return new LinkDelay(mean, deviation, Distribution.NORMAL);
    }

    /** @return whether this delays nothing */
    boolean isNone() {
        return mean.isZero() && jitter.isZero();
    }

    /** @return the delayer's flags for this delay */
    List<String> delayerFlags() {
        return List.of("-delay", mean.toNanos() + "ns", "-jitter", jitter.toNanos() + "ns",
                "-distribution", distribution.name().toLowerCase(Locale.ROOT));
    }
}
