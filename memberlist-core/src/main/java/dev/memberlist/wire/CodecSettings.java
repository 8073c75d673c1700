package dev.memberlist.wire;

import dev.memberlist.security.EncryptionVersion;
import dev.memberlist.security.Keyring;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What the packet and stream codecs need to know: the label, the keys and how strictly to require
 * encryption, and whether to compress.
 *
 * @param label the label on everything sent and expected on everything received; empty for none
 * @param skipInboundLabelCheck accept unlabelled input as if it carried the label
 * @param keyring the keys; empty turns encryption off
 * @param verifyIncoming with a keyring, reject unencrypted input
 * @param verifyOutgoing with a keyring, encrypt output
 * @param compression LZW-compress packets (when smaller) and streams (always)
 * @param encryptionVersion the layout of encrypted output
 */
public record CodecSettings(String label, boolean skipInboundLabelCheck, Optional<Keyring> keyring,
                            boolean verifyIncoming, boolean verifyOutgoing, boolean compression,
                            EncryptionVersion encryptionVersion) {

    /** Validates the fields. */
    public CodecSettings {
        Objects.requireNonNull(label, "label");
        if (label.getBytes(StandardCharsets.UTF_8).length > LabelHeader.MAX_LABEL_BYTES) {
            throw new IllegalArgumentException("label is longer than 255 bytes");
        }
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(encryptionVersion, "encryptionVersion");
    }

    /** @return no label, no encryption, compression on, as Go's defaults */
    public static CodecSettings plain() {
        return new CodecSettings("", false, Optional.empty(), true, true, true, EncryptionVersion.V1);
    }

    /** @return whether output is encrypted */
    boolean encryptsOutput() {
        return keyring.isPresent() && verifyOutgoing;
    }

    /** @return the label as bytes, the additional data of packet encryption */
    byte[] labelBytes() {
        return label.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Applies Go's label policy to the label read from input.
     *
     * @param received the label that arrived ("" when none)
     * @throws WireFormatException {@code LABEL_MISMATCH} when the input may not be accepted
     */
    void checkLabel(String received) {
        if (skipInboundLabelCheck) {
            if (!received.isEmpty()) {
                throw new WireFormatException(WireFormatException.Reason.LABEL_MISMATCH,
                        "unexpected double label header (label checks are skipped)");
            }
            return;
        }
        if (!received.equals(label)) {
            throw new WireFormatException(WireFormatException.Reason.LABEL_MISMATCH,
                    "discarding input with unacceptable label \"" + received + "\"");
        }
    }
}
