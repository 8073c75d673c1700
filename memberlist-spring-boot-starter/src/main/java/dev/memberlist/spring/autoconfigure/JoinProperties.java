package dev.memberlist.spring.autoconfigure;

import dev.memberlist.spring.lifecycle.JoinBackoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Configuration properties for joining the cluster. A node joins its seeds once the application
 * has started and, while it is alone, keeps trying with capped exponential backoff: joins never
 * give up.
 */
@ConfigurationProperties("memberlist.join")
public class JoinProperties {

    /** Whether to join the seeds once the application has started, and to keep looking for them while alone. */
    private boolean enabled = true;

    /**
     * Seeds to join: host, host:port, ip:port or [v6]:port (the default port is this node's); a host
     * name stands for all its addresses and is resolved again on every attempt.
     */
    private List<String> seeds = new ArrayList<>();

    /** Wait after the first failed attempt; it doubles after each further one, and up to half of each wait is random. */
    private Duration initialBackoff = Duration.ofSeconds(1);

    /** Longest wait between attempts; also how often a joined node checks whether it is alone again. */
    private Duration maxBackoff = Duration.ofSeconds(30);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getSeeds() {
        return seeds;
    }

    public void setSeeds(List<String> seeds) {
        this.seeds = seeds;
    }

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    /**
     * @return the waits between attempts
     * @throws InvalidConfigurationPropertyValueException naming the property out of range
     */
    JoinBackoff backoff() {
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new InvalidConfigurationPropertyValueException("memberlist.join.initial-backoff", initialBackoff,
                    "must be positive");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new InvalidConfigurationPropertyValueException("memberlist.join.max-backoff", maxBackoff,
                    "must not be shorter than memberlist.join.initial-backoff (" + initialBackoff + ")");
        }
        return new JoinBackoff(initialBackoff, maxBackoff);
    }
}
