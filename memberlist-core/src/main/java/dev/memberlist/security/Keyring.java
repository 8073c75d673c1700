package dev.memberlist.security;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.crypto.spec.SecretKeySpec;

/**
 * The ordered set of AES keys a node encrypts and decrypts with, as Go's {@code Keyring}. The
 * first key is the <em>primary</em>: every outgoing payload is encrypted with it, and incoming
 * payloads are tried against every key, primary first. Keys are 16, 24 or 32 bytes long (AES-128,
 * AES-192 or AES-256).
 *
 * <p>A rolling key change follows Go's three steps: {@link #install} the new key on every node,
 * then {@link #use} it everywhere, then {@link #remove} the old one.
 *
 * <p>Thread-safe. The engine reads the keys on every packet while an operator may change them
 * from another thread, so the keys live in an immutable snapshot held in a {@code volatile}
 * field. Readers take one snapshot and never lock; writers build a new snapshot under a lock
 * (copy-on-write). A payload is therefore always encrypted or decrypted against one consistent
 * key list, before or after a concurrent change.
 *
 * <p>The keyring keeps its own copies of the keys and hands out copies; {@link #toString()}
 * never shows them, and {@link #fingerprints()} names them without revealing them.
 */
public final class Keyring {

    private final Object writeLock = new Object();
    private volatile List<SecretKeySpec> snapshot;

    private Keyring(List<SecretKeySpec> snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * Creates a keyring from a primary key and optional secondary keys. As in Go's
     * {@code NewKeyring}, a key given twice is kept once, at its first position.
     *
     * @param primaryKey the key to encrypt with
     * @param secondaryKeys further keys accepted for decryption
     * @return a new keyring
     * @throws IllegalArgumentException if a key is not 16, 24 or 32 bytes long
     */
    public static Keyring of(byte[] primaryKey, byte[]... secondaryKeys) {
        List<byte[]> all = new ArrayList<>(1 + secondaryKeys.length);
        all.add(primaryKey);
        all.addAll(Arrays.asList(secondaryKeys));
        return of(all);
    }

    /**
     * Creates a keyring from a list of keys, the first of which becomes the primary. A key given
     * twice is kept once, at its first position.
     *
     * @param keys at least one key; the first is the primary
     * @return a new keyring
     * @throws IllegalArgumentException if the list is empty or a key is not 16, 24 or 32 bytes long
     */
    public static Keyring of(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a keyring needs at least one key");
        }
        List<SecretKeySpec> specs = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            validate(key);
            if (indexOf(specs, key) < 0) {
                specs.add(new SecretKeySpec(key, "AES"));
            }
        }
        return new Keyring(List.copyOf(specs));
    }

    /**
     * Adds a key as a secondary key, so payloads encrypted with it can be decrypted. Installing a
     * key that is already present changes nothing.
     *
     * @param key the key to add
     * @throws IllegalArgumentException if the key is not 16, 24 or 32 bytes long
     */
    public void install(byte[] key) {
        validate(key);
        synchronized (writeLock) {
            List<SecretKeySpec> current = snapshot;
            if (indexOf(current, key) >= 0) {
                return;
            }
            List<SecretKeySpec> next = new ArrayList<>(current);
            next.add(new SecretKeySpec(key, "AES"));
            snapshot = List.copyOf(next);
        }
    }

    /**
     * Makes an installed key the primary one; the previous primary stays installed as a
     * secondary key. Peers should have the key installed before it is used.
     *
     * @param key a key already in this keyring
     * @throws IllegalArgumentException if the key is not installed
     */
    public void use(byte[] key) {
        Objects.requireNonNull(key, "key");
        synchronized (writeLock) {
            List<SecretKeySpec> current = snapshot;
            int index = indexOf(current, key);
            if (index < 0) {
                throw new IllegalArgumentException("the requested key is not in the keyring");
            }
            List<SecretKeySpec> next = new ArrayList<>(current);
            next.add(0, next.remove(index));
            snapshot = List.copyOf(next);
        }
    }

    /**
     * Removes a secondary key. As in Go's {@code RemoveKey}, removing a key that is not installed
     * changes nothing.
     *
     * @param key the key to remove
     * @throws IllegalArgumentException if the key is the primary key
     */
    public void remove(byte[] key) {
        Objects.requireNonNull(key, "key");
        synchronized (writeLock) {
            List<SecretKeySpec> current = snapshot;
            int index = indexOf(current, key);
            if (index == 0) {
                throw new IllegalArgumentException("removing the primary key is not allowed");
            }
            if (index < 0) {
                return;
            }
            List<SecretKeySpec> next = new ArrayList<>(current);
            next.remove(index);
            snapshot = List.copyOf(next);
        }
    }

    /**
     * Returns copies of the installed keys.
     *
     * @return the keys, primary first; changing the arrays does not change the keyring
     */
    public List<byte[]> keys() {
        List<SecretKeySpec> current = snapshot;
        List<byte[]> copies = new ArrayList<>(current.size());
        for (SecretKeySpec spec : current) {
            copies.add(spec.getEncoded());
        }
        return List.copyOf(copies);
    }

    /**
     * Returns the {@linkplain KeyFingerprint fingerprints} of the installed keys, which name them
     * without revealing them: compare them across nodes to check that a rotation step reached every
     * node.
     *
     * @return one fingerprint per key, primary first, taken from one consistent snapshot
     */
    public List<String> fingerprints() {
        List<SecretKeySpec> current = snapshot;
        List<String> fingerprints = new ArrayList<>(current.size());
        for (SecretKeySpec spec : current) {
            fingerprints.add(KeyFingerprint.of(spec.getEncoded()));
        }
        return List.copyOf(fingerprints);
    }

    /**
     * Returns a copy of the primary key.
     *
     * @return the key outgoing payloads are encrypted with
     */
    public byte[] primaryKey() {
        return snapshot.get(0).getEncoded();
    }

    /** The current keys, primary first, ready for the cipher; one consistent snapshot. */
    List<SecretKeySpec> secretKeys() {
        return snapshot;
    }

    /** Shows only how many keys are installed, never the keys. */
    @Override
    public String toString() {
        int count = snapshot.size();
        return "Keyring[" + count + (count == 1 ? " key]" : " keys]");
    }

    private static void validate(byte[] key) {
        Objects.requireNonNull(key, "key");
        int length = key.length;
        if (length != 16 && length != 24 && length != 32) {
            throw new IllegalArgumentException("key size must be 16, 24 or 32 bytes, but was " + length);
        }
    }

    private static int indexOf(List<SecretKeySpec> specs, byte[] key) {
        for (int i = 0; i < specs.size(); i++) {
            if (MessageDigest.isEqual(specs.get(i).getEncoded(), key)) {
                return i;
            }
        }
        return -1;
    }
}
