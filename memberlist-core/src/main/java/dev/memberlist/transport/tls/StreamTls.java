package dev.memberlist.transport.tls;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.util.Objects;

/**
 * Mutual TLS for every stream between members (push/pull, reliable messages, TCP fallback pings):
 * each side shows a certificate from its key material and accepts only certificates its trust
 * material vouches for. Gossip and probes over UDP stay as they are (protect them with the keyring),
 * so TLS adds authentication and confidentiality to the streams, which carry the whole membership
 * and user state. This is beyond Go memberlist: a cluster with TLS cannot include Go nodes.
 *
 * <p>Members are addressed by IP, so trust is by issuer: any certificate that chains to the trust
 * material is accepted, whatever names it carries. Use a private CA for the cluster.
 *
 * <p>Thread-safe. {@link #update} swaps the material for new connections (certificate rotation);
 * streams already open keep theirs.
 */
public final class StreamTls {

    private volatile Material material;

    private StreamTls(Material material) {
        this.material = material;
    }

    /**
     * @param keys this member's private key and certificate chain
     * @param trust the certificates that vouch for other members (the cluster's CA)
     * @return TLS for streams with this material
     */
    public static StreamTls of(KeyManagerFactory keys, TrustManagerFactory trust) {
        return new StreamTls(new Material(keys, trust));
    }

    /**
     * Uses new material for every stream opened or accepted from now on.
     *
     * @param keys this member's private key and certificate chain
     * @param trust the certificates that vouch for other members
     */
    public void update(KeyManagerFactory keys, TrustManagerFactory trust) {
        material = new Material(keys, trust);
    }

    /** @return the material in use now */
    public Material material() {
        return material;
    }

    @Override
    public String toString() {
        return "StreamTls[mutual]";
    }

    /**
     * One version of the key and trust material; a new one replaces it whole.
     *
     * @param keys this member's private key and certificate chain
     * @param trust the certificates that vouch for other members
     */
    public record Material(KeyManagerFactory keys, TrustManagerFactory trust) {

        /** Checks that both are there. */
        public Material {
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(trust, "trust");
        }
    }
}
