package dev.memberlist.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * LZW compression ({@code memberlist.compression.*}); compressed input is read whatever the setting.
 */
public class CompressionProperties {

    /** Whether to LZW-compress packets (when smaller) and streams. */
    private @Nullable Boolean enabled;

    public @Nullable Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(@Nullable Boolean enabled) {
        this.enabled = enabled;
    }
}
