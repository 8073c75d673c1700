package dev.memberlist.spring.actuate.endpoint;

import dev.memberlist.security.KeyFingerprint;
import dev.memberlist.security.Keyring;

import java.util.List;

/**
 * A node's encryption keys as the operations endpoint shows them: by {@linkplain KeyFingerprint
 * fingerprint} (the first 8 bytes of the key's SHA-256, in hex), never the keys. Equal descriptors on
 * every node mean every node holds the same keys with the same primary.
 *
 * @param primary the fingerprint of the key this node encrypts with
 * @param fingerprints the fingerprints of every installed key, primary first
 */
public record KeyringDescriptor(String primary, List<String> fingerprints) {

    /**
     * @param primary the fingerprint of the key this node encrypts with
     * @param fingerprints the fingerprints of every installed key, primary first
     */
    public KeyringDescriptor {
        fingerprints = List.copyOf(fingerprints);
        if (fingerprints.isEmpty() || !fingerprints.get(0).equals(primary)) {
            throw new IllegalArgumentException("the primary key's fingerprint must come first");
        }
    }

    static KeyringDescriptor of(Keyring keyring) {
        List<String> fingerprints = keyring.fingerprints();
        return new KeyringDescriptor(fingerprints.get(0), fingerprints);
    }
}
