package dev.memberlist.security;

/** The two layouts of an encrypted payload Go memberlist uses. */
public enum EncryptionVersion {
    /** AES-GCM over a PKCS7-padded plaintext (protocol version 1). */
    V0(0, 45),
    /** AES-GCM without padding (every newer protocol version). */
    V1(1, 29);

    private final int code;
    private final int overhead;

    EncryptionVersion(int code, int overhead) {
        this.code = code;
        this.overhead = overhead;
    }

    /** @return the version byte */
    public int code() {
        return code;
    }

    /** @return the most bytes encryption adds: version, nonce, (padding,) tag */
    public int overhead() {
        return overhead;
    }

    /**
     * Go's choice: protocol version 1 encrypts with V0, every other version with V1.
     *
     * @param protocolVersion the protocol version spoken
     * @return the encryption version to send
     */
    public static EncryptionVersion forProtocolVersion(int protocolVersion) {
        return protocolVersion == 1 ? V0 : V1;
    }
}
