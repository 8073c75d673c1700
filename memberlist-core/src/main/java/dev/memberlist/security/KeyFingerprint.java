package dev.memberlist.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Names an encryption key without revealing it, so operators can check that every node of a cluster
 * holds the same keys: the first 8 bytes of the key's SHA-256 hash as 16 lowercase hex digits. The
 * same fingerprint comes out of {@code printf %s "$KEY" | base64 -d | sha256sum | cut -c1-16}.
 *
 * <p>A fingerprint tells nothing usable about a random 16-, 24- or 32-byte key: finding the key from
 * it means trying every key. Keys derived from a guessable text would be as weak here as anywhere.
 */
public final class KeyFingerprint {

    /** Bytes of the hash a fingerprint keeps. */
    private static final int BYTES = 8;

    private KeyFingerprint() {
    }

    /**
     * @param key the raw key bytes
     * @return the key's fingerprint: 16 lowercase hex digits
     */
    public static String of(byte[] key) {
        Objects.requireNonNull(key, "key");
        byte[] hash = sha256().digest(key);
        return HexFormat.of().formatHex(hash, 0, BYTES);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
