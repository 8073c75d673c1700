package dev.memberlist.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Protocol versions ({@code memberlist.protocol.*}), for rolling upgrades of mixed clusters.
 */
public class ProtocolProperties {

    /** Memberlist protocol version to speak, 1 to 5. */
    private @Nullable Integer version;

    /** Delegate protocol version to speak, 0 to 255. */
    private @Nullable Integer delegateVersion;

    /** Lowest delegate protocol version understood, 0 to 255. */
    private @Nullable Integer delegateMin;

    /** Highest delegate protocol version understood, 0 to 255. */
    private @Nullable Integer delegateMax;

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }

    public @Nullable Integer getDelegateVersion() {
        return delegateVersion;
    }

    public void setDelegateVersion(@Nullable Integer delegateVersion) {
        this.delegateVersion = delegateVersion;
    }

    public @Nullable Integer getDelegateMin() {
        return delegateMin;
    }

    public void setDelegateMin(@Nullable Integer delegateMin) {
        this.delegateMin = delegateMin;
    }

    public @Nullable Integer getDelegateMax() {
        return delegateMax;
    }

    public void setDelegateMax(@Nullable Integer delegateMax) {
        this.delegateMax = delegateMax;
    }
}
