/**
 * Gossip encryption, compatible with Go memberlist (API). Users build a {@link
 * dev.memberlist.security.Keyring} of 16-, 24- or 32-byte AES keys, pass it in the configuration,
 * and rotate keys on it while the node runs; {@link dev.memberlist.security.PayloadCipher} and
 * {@link dev.memberlist.security.EncryptionVersion} are what the engine uses to seal and open
 * packets and stream frames in Go's AES-GCM layout, and are public so tools and tests can produce
 * or check the same bytes.
 */
package dev.memberlist.security;
