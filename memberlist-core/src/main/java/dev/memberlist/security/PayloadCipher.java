package dev.memberlist.security;

import dev.memberlist.wire.WireFormatException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Go memberlist's payload encryption: {@code [version][12-byte nonce][ciphertext || 16-byte tag]},
 * AES-GCM with the keyring's primary key, the given additional data authenticated but not sent.
 * Decryption tries every key. Thread-safe.
 */
public final class PayloadCipher {

    /** The GCM nonce length. */
    public static final int NONCE_BYTES = 12;
    /** The GCM tag length. */
    public static final int TAG_BYTES = 16;

    private static final int BLOCK_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(PayloadCipher::newCipher);

    private PayloadCipher() {
    }

    /**
     * Encrypts with the primary key and a fresh random nonce.
     *
     * @param version the layout
     * @param keyring the keys
     * @param plaintext the bytes to encrypt
     * @param additionalData authenticated but not encrypted (the label, or the stream frame header)
     * @return the encrypted payload
     */
    public static byte[] encrypt(EncryptionVersion version, Keyring keyring, byte[] plaintext, byte[] additionalData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return seal(CIPHERS.get(), version, keyring.secretKeys().get(0), nonce, plaintext, additionalData);
    }

    /** Encrypts with a given nonce and a fresh cipher; tests use it to reproduce Go's vectors. */
    static byte[] encrypt(EncryptionVersion version, Keyring keyring, byte[] nonce, byte[] plaintext,
                          byte[] additionalData) {
        return seal(newCipher(), version, keyring.secretKeys().get(0), nonce, plaintext, additionalData);
    }

    private static byte[] seal(Cipher cipher, EncryptionVersion version, SecretKeySpec key, byte[] nonce,
                               byte[] plaintext, byte[] additionalData) {
        byte[] padded = plaintext;
        if (version == EncryptionVersion.V0) {
            int pad = BLOCK_BYTES - plaintext.length % BLOCK_BYTES;
            padded = Arrays.copyOf(plaintext, plaintext.length + pad);
            Arrays.fill(padded, plaintext.length, padded.length, (byte) pad);
        }
        byte[] out = new byte[1 + NONCE_BYTES + padded.length + TAG_BYTES];
        out[0] = (byte) version.code();
        System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            if (additionalData.length > 0) {
                cipher.updateAAD(additionalData);
            }
            cipher.doFinal(padded, 0, padded.length, out, 1 + NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        return out;
    }

    /**
     * @param version the layout
     * @param plaintextLength the plaintext's length
     * @return the encrypted payload's length
     */
    public static int encryptedLength(EncryptionVersion version, int plaintextLength) {
        int body = version == EncryptionVersion.V0
                ? plaintextLength + BLOCK_BYTES - plaintextLength % BLOCK_BYTES : plaintextLength;
        return 1 + NONCE_BYTES + body + TAG_BYTES;
    }

    /**
     * Decrypts with the first key that authenticates the payload.
     *
     * @param keyring the keys, tried primary first
     * @param buf the input
     * @param offset where the payload (its version byte) starts
     * @param length the payload's length
     * @param additionalData what the sender authenticated alongside
     * @return the plaintext
     * @throws WireFormatException {@code DECRYPT_FAILED} when no key fits or the payload is malformed
     */
    public static byte[] decrypt(Keyring keyring, byte[] buf, int offset, int length, byte[] additionalData) {
        if (length <= 0 || offset < 0 || offset > buf.length - length) {
            throw failed("cannot decrypt empty payload");
        }
        int versionCode = buf[offset] & 0xff;
        if (versionCode > EncryptionVersion.V1.code()) {
            throw failed("unsupported encryption version " + versionCode);
        }
        EncryptionVersion version = versionCode == 0 ? EncryptionVersion.V0 : EncryptionVersion.V1;
        if (length < encryptedLength(version, 0)) {
            throw failed("payload is too small to decrypt: " + length);
        }
        GCMParameterSpec nonce = new GCMParameterSpec(TAG_BYTES * 8, buf, offset + 1, NONCE_BYTES);
        Cipher cipher = CIPHERS.get();
        for (SecretKeySpec key : keyring.secretKeys()) {
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, nonce);
                if (additionalData.length > 0) {
                    cipher.updateAAD(additionalData);
                }
                byte[] plain = cipher.doFinal(buf, offset + 1 + NONCE_BYTES, length - 1 - NONCE_BYTES);
                return version == EncryptionVersion.V0 ? unpad(plain) : plain;
            } catch (GeneralSecurityException e) {
                // Wrong key: try the next one.
            }
        }
        throw failed("No installed keys could decrypt the message");
    }

    private static byte[] unpad(byte[] plain) {
        if (plain.length == 0) {
            throw failed("empty padded plaintext");
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad > plain.length) {
            throw failed("invalid padding");
        }
        return Arrays.copyOf(plain, plain.length - pad);
    }

    private static WireFormatException failed(String message) {
        return new WireFormatException(WireFormatException.Reason.DECRYPT_FAILED, message);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no AES/GCM/NoPadding", e);
        }
    }
}
