package dev.memberlist.delegate;

import java.util.Objects;
import java.util.Optional;

/**
 * A delegate's decision to accept or reject something, with a reason when rejecting.
 *
 * @param rejection why it was rejected, or empty when accepted
 */
public record Verdict(Optional<String> rejection) {

    private static final Verdict ACCEPT = new Verdict(Optional.empty());

    /** Validates the field. */
    public Verdict {
        Objects.requireNonNull(rejection, "rejection");
    }

    /** @return an acceptance */
    public static Verdict accept() {
        return ACCEPT;
    }

    /**
     * @param reason why, for logs
     * @return a rejection
     */
    public static Verdict reject(String reason) {
        return new Verdict(Optional.of(reason));
    }

    /** @return whether this accepts */
    public boolean accepted() {
        return rejection.isEmpty();
    }
}
