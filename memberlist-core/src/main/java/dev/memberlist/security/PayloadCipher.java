package dev.memberlist.security;

import dev.memberlist.wire.WireFormatException;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and decrypts payloads in Go memberlist's format:
 * {@code [version u8][nonce 12][ciphertext || tag 16]}, AES-GCM with the key length choosing
 * AES-128, -192 or -256. The additional data is the label for UDP packets, and the frame header
 * (plus the label) for TCP streams; it is authenticated but not part of the output.
 *
 * <p>Encryption always uses the keyring's primary key and a fresh random nonce. Decryption tries
 * every installed key, primary first, and accepts versions 0 and 1 whatever version this node
 * sends.
 *
 * <p>Thread-safe: each thread uses its own JDK {@link Cipher}.
 */
public final class PayloadCipher {

    static final int NONCE_LENGTH = 12;

    private static final int HEADER_LENGTH = 1 + NONCE_LENGTH;
    private static final int TAG_LENGTH = 16;
    private static final int BLOCK_SIZE = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(PayloadCipher::newCipher);

    private static final SecureRandom RANDOM = new SecureRandom();

    private PayloadCipher() {
    }

    /**
     * Computes the size of an encrypted payload.
     *
     * @param version the payload layout
     * @param plaintextLength how many bytes are encrypted
     * @return the length of {@code [version][nonce][ciphertext || tag]}
     * @throws IllegalArgumentException if the length is negative or the result would not fit an array
     */
    public static int encryptedLength(EncryptionVersion version, int plaintextLength) {
        Objects.requireNonNull(version, "version");
        if (plaintextLength < 0 || plaintextLength > Integer.MAX_VALUE - version.overhead()) {
            throw new IllegalArgumentException("plaintext length out of range: " + plaintextLength);
        }
        return HEADER_LENGTH + paddedLength(version, plaintextLength) + TAG_LENGTH;
    }

    /**
     * Encrypts a payload with the primary key and a fresh random nonce.
     *
     * @param version the layout to produce
     * @param keyring the keys; the primary key is used
     * @param plaintext the bytes to encrypt
     * @param additionalData bytes to authenticate alongside; empty for none
     * @return {@code [version][nonce][ciphertext || tag]}, {@link #encryptedLength} bytes long
     */
    public static byte[] encrypt(EncryptionVersion version, Keyring keyring, byte[] plaintext, byte[] additionalData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        return seal(CIPHERS.get(), version, keyring, plaintext, additionalData, nonce);
    }

    /** Encrypts with a given nonce, so tests can reproduce Go's byte vectors. */
    static byte[] encrypt(
            EncryptionVersion version, Keyring keyring, byte[] plaintext, byte[] additionalData, byte[] nonce) {
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("nonce must be " + NONCE_LENGTH + " bytes, but was " + nonce.length);
        }
        // The JDK refuses to encrypt twice in a row with the same key and nonce on one Cipher, which
        // a fixed nonce would do; a fresh Cipher keeps repeated vectors possible.
        return seal(newCipher(), version, keyring, plaintext, additionalData, nonce);
    }

    /**
     * Decrypts a payload, trying every key in the keyring, primary first.
     *
     * @param keyring the keys to try
     * @param buf the bytes holding the payload
     * @param offset where the payload starts (its version byte)
     * @param length how many bytes the payload has
     * @param additionalData the bytes the sender authenticated alongside; empty for none
     * @return the plaintext, without padding
     * @throws WireFormatException with reason {@code DECRYPT_FAILED} if the payload is empty, too
     *     short, of an unknown version, not authentic under any key, or badly padded
     * @throws IndexOutOfBoundsException if {@code offset} and {@code length} do not lie within {@code buf}
     */
    public static byte[] decrypt(Keyring keyring, byte[] buf, int offset, int length, byte[] additionalData) {
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(additionalData, "additionalData");
        Objects.checkFromIndexSize(offset, length, buf.length);
        if (length == 0) {
            throw failure("Cannot decrypt empty payload");
        }
        EncryptionVersion version = versionOf(buf[offset] & 0xff);
        if (length < encryptedLength(version, 0)) {
            throw failure("Payload is too small to decrypt: " + length);
        }
        Cipher cipher = CIPHERS.get();
        GCMParameterSpec nonce = new GCMParameterSpec(TAG_LENGTH * Byte.SIZE, buf, offset + 1, NONCE_LENGTH);
        List<SecretKeySpec> keys = keyring.secretKeys();
        for (SecretKeySpec key : keys) {
            byte[] plain;
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, nonce);
                if (additionalData.length > 0) {
                    cipher.updateAAD(additionalData);
                }
                plain = cipher.doFinal(buf, offset + HEADER_LENGTH, length - HEADER_LENGTH);
            } catch (GeneralSecurityException wrongKeyOrTampered) {
                continue;
            }
            return version == EncryptionVersion.V0 ? removePadding(plain) : plain;
        }
        throw failure("No installed keys could decrypt the message");
    }

    private static byte[] seal(Cipher cipher, EncryptionVersion version, Keyring keyring, byte[] plaintext,
            byte[] additionalData, byte[] nonce) {
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(additionalData, "additionalData");
        byte[] out = new byte[encryptedLength(version, plaintext.length)];
        byte[] input = version == EncryptionVersion.V0 ? addPadding(plaintext) : plaintext;
        out[0] = (byte) version.code();
        System.arraycopy(nonce, 0, out, 1, NONCE_LENGTH);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, keyring.secretKeys().get(0),
                    new GCMParameterSpec(TAG_LENGTH * Byte.SIZE, nonce));
            if (additionalData.length > 0) {
                cipher.updateAAD(additionalData);
            }
            cipher.doFinal(input, 0, input.length, out, HEADER_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        return out;
    }

    private static int paddedLength(EncryptionVersion version, int plaintextLength) {
        return switch (version) {
            case V0 -> plaintextLength + BLOCK_SIZE - plaintextLength % BLOCK_SIZE;
            case V1 -> plaintextLength;
        };
    }

    /** PKCS7: always 1 to 16 bytes, each holding the pad count. */
    private static byte[] addPadding(byte[] plaintext) {
        int paddedLength = paddedLength(EncryptionVersion.V0, plaintext.length);
        byte[] padded = Arrays.copyOf(plaintext, paddedLength);
        Arrays.fill(padded, plaintext.length, paddedLength, (byte) (paddedLength - plaintext.length));
        return padded;
    }

    /**
     * Drops as many trailing bytes as the last byte says, without checking their values, as Go
     * does (so a count of 0 keeps everything). Go panics on a count longer than the plaintext; we
     * reject it. A version-0 plaintext has at least 16 bytes, so the last byte exists.
     */
    private static byte[] removePadding(byte[] plain) {
        int count = plain[plain.length - 1] & 0xff;
        if (count > plain.length) {
            throw failure("Invalid PKCS7 padding: " + count + " pad bytes in " + plain.length);
        }
        return Arrays.copyOf(plain, plain.length - count);
    }

    private static EncryptionVersion versionOf(int code) {
        switch (code) {
            case 0:
                return EncryptionVersion.V0;
            case 1:
                return EncryptionVersion.V1;
            default:
                throw failure("Unsupported encryption version " + code);
        }
    }

    private static WireFormatException failure(String message) {
        return new WireFormatException(WireFormatException.Reason.DECRYPT_FAILED, message);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new IllegalStateException(TRANSFORMATION + " is not available in this JDK", e);
        }
    }
}
