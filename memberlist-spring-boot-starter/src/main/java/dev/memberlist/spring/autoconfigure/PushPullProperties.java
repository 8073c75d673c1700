package dev.memberlist.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * Anti-entropy ({@code memberlist.push-pull.*}): full state exchanges over TCP with one random node.
 */
public class PushPullProperties {

    /** Base period of push/pull, scaled up in large clusters; zero turns it off. */
    private @Nullable Duration interval;

    public @Nullable Duration getInterval() {
        return interval;
    }

    public void setInterval(@Nullable Duration interval) {
        this.interval = interval;
    }
}
