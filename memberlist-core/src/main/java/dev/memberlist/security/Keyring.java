package dev.memberlist.security;

import javax.crypto.spec.SecretKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The AES keys a node encrypts and decrypts with (Go's {@code Keyring}). The first key is the
 * primary: everything sent is encrypted with it, while every key is tried on what arrives, so keys
 * can be rotated across a running cluster: install the new key everywhere, use it everywhere, then
 * remove the old one.
 *
 * <p>Thread-safe: operators change keys from any thread while the engine reads them for every
 * packet; readers see an immutable snapshot and never block.
 */
public final class Keyring {

    private final Object writeLock = new Object();
    private volatile Snapshot snapshot;

    private Keyring(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * @param primaryKey the key to encrypt with (16, 24 or 32 bytes)
     * @param secondaryKeys more keys to decrypt with
     * @return the keyring
     */
    public static Keyring of(byte[] primaryKey, byte[]... secondaryKeys) {
        List<byte[]> keys = new ArrayList<>();
        keys.add(primaryKey);
        keys.addAll(Arrays.asList(secondaryKeys));
        return of(keys);
    }

    /**
     * @param keys at least one key; the first is the primary, duplicates are dropped
     * @return the keyring
     */
    public static Keyring of(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a keyring needs at least one key");
        }
        List<byte[]> copies = new ArrayList<>();
        for (byte[] key : keys) {
            validate(key);
            if (indexOf(copies, key) < 0) {
                copies.add(key.clone());
            }
        }
        return new Keyring(new Snapshot(copies));
    }

    /**
     * Adds a key for decryption; adding an installed key does nothing.
     *
     * @param key a 16, 24 or 32-byte AES key
     */
    public void install(byte[] key) {
        validate(key);
        synchronized (writeLock) {
            List<byte[]> keys = new ArrayList<>(snapshot.keys);
            if (indexOf(keys, key) < 0) {
                keys.add(key.clone());
                snapshot = new Snapshot(keys);
            }
        }
    }

    /**
     * Makes an installed key the primary one.
     *
     * @param key an installed key
     * @throws IllegalArgumentException when the key is not installed
     */
    public void use(byte[] key) {
        synchronized (writeLock) {
            List<byte[]> keys = new ArrayList<>(snapshot.keys);
            int index = indexOf(keys, key);
            if (index < 0) {
                throw new IllegalArgumentException("requested key is not in the keyring");
            }
            keys.add(0, keys.remove(index));
            snapshot = new Snapshot(keys);
        }
    }

    /**
     * Removes a key; removing a key that is not installed does nothing.
     *
     * @param key the key
     * @throws IllegalArgumentException when it is the primary key
     */
    public void remove(byte[] key) {
        synchronized (writeLock) {
            List<byte[]> keys = new ArrayList<>(snapshot.keys);
            int index = indexOf(keys, key);
            if (index == 0) {
                throw new IllegalArgumentException("removing the primary key is not allowed");
            }
            if (index > 0) {
                keys.remove(index);
                snapshot = new Snapshot(keys);
            }
        }
    }

    /** @return copies of the keys, primary first */
    public List<byte[]> keys() {
        List<byte[]> copies = new ArrayList<>();
        for (byte[] key : snapshot.keys) {
            copies.add(key.clone());
        }
        return copies;
    }

    /** @return a copy of the primary key */
    public byte[] primaryKey() {
        return snapshot.keys.get(0).clone();
    }

    /** @return the prepared keys, primary first, for the cipher */
    List<SecretKeySpec> secretKeys() {
        return snapshot.specs;
    }

    /** @return the number of keys; never the keys themselves */
    @Override
    public String toString() {
        return "Keyring[" + snapshot.keys.size() + " keys]";
    }

    private static void validate(byte[] key) {
        int length = key.length;
        if (length != 16 && length != 24 && length != 32) {
            throw new IllegalArgumentException("key size must be 16, 24 or 32 bytes, not " + length);
        }
    }

    private static int indexOf(List<byte[]> keys, byte[] key) {
        for (int i = 0; i < keys.size(); i++) {
            if (Arrays.equals(keys.get(i), key)) {
                return i;
            }
        }
        return -1;
    }

    private static final class Snapshot {
        final List<byte[]> keys;
        final List<SecretKeySpec> specs;

        Snapshot(List<byte[]> keys) {
            this.keys = List.copyOf(keys);
            List<SecretKeySpec> prepared = new ArrayList<>();
            for (byte[] key : keys) {
                prepared.add(new SecretKeySpec(key, "AES"));
            }
            this.specs = List.copyOf(prepared);
        }
    }
}
