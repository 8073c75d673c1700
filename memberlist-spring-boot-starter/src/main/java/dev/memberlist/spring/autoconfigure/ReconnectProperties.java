package dev.memberlist.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * Retries of dead nodes ({@code memberlist.reconnect.*}), so that the halves of a healed partition
 * merge again (beyond Go memberlist, which never does).
 */
public class ReconnectProperties {

    /** Period of push/pull attempts with one dead node; zero turns reconnecting off. */
    private @Nullable Duration interval;

    /** Time to keep trying to reconnect to a dead node; must be positive. */
    private @Nullable Duration timeout;

    public @Nullable Duration getInterval() {
        return interval;
    }

    public void setInterval(@Nullable Duration interval) {
        this.interval = interval;
    }

    public @Nullable Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(@Nullable Duration timeout) {
        this.timeout = timeout;
    }
}
