package dev.memberlist.security;

/**
 * The layout of an encrypted payload, named by its first byte. Both are AES-GCM with a 12-byte
 * nonce and a 16-byte tag; they differ only in padding.
 */
public enum EncryptionVersion {

    /** Version 0: the plaintext is PKCS7-padded to a multiple of 16 bytes before sealing. */
    V0(0, 45),

    /** Version 1: no padding, which Go introduced because padding only added bytes. */
    V1(1, 29);

    private final int code;
    private final int overhead;

    EncryptionVersion(int code, int overhead) {
        this.code = code;
        this.overhead = overhead;
    }

    /**
     * Chooses the version a node sends with, as Go does: protocol version 1 sends version 0, every
     * other protocol version sends version 1.
     *
     * @param protocolVersion the local memberlist protocol version
     * @return the encryption version to send with
     */
    public static EncryptionVersion forProtocolVersion(int protocolVersion) {
        return protocolVersion == 1 ? V0 : V1;
    }

    /** @return the version byte that starts an encrypted payload */
    public int code() {
        return code;
    }

    /**
     * The most bytes encryption adds to a plaintext: version byte, nonce and tag, plus up to 16
     * padding bytes for version 0. Size budgets for UDP packets subtract it.
     *
     * @return the maximum overhead in bytes
     */
    public int overhead() {
        return overhead;
    }
}
