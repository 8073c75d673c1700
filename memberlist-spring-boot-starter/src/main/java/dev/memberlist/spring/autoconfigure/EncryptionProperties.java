package dev.memberlist.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * AES-GCM encryption of gossip and streams ({@code memberlist.encryption.*}). Keys are never logged
 * nor shown by actuator endpoints.
 */
public class EncryptionProperties {

    /** Base64-encoded AES keys (16, 24 or 32 bytes); the first one encrypts, all of them decrypt. */
    private List<String> secretKeys = new ArrayList<>();

    /** Whether to require encryption on input when secret keys are set (false while a cluster moves to encryption). */
    private @Nullable Boolean verifyIncoming;

    /** Whether to encrypt output when secret keys are set (false while a cluster moves to encryption). */
    private @Nullable Boolean verifyOutgoing;

    public List<String> getSecretKeys() {
        return secretKeys;
    }

    public void setSecretKeys(List<String> secretKeys) {
        this.secretKeys = secretKeys;
    }

    public @Nullable Boolean getVerifyIncoming() {
        return verifyIncoming;
    }

    public void setVerifyIncoming(@Nullable Boolean verifyIncoming) {
        this.verifyIncoming = verifyIncoming;
    }

    public @Nullable Boolean getVerifyOutgoing() {
        return verifyOutgoing;
    }

    public void setVerifyOutgoing(@Nullable Boolean verifyOutgoing) {
        this.verifyOutgoing = verifyOutgoing;
    }
}
