package dev.memberlist.transport.quic;

import dev.memberlist.transport.tls.StreamTls;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * A trust manager that checks every peer against the {@link StreamTls}'s current trust material, so
 * that {@link StreamTls#update} decides the next handshake without rebuilding the QUIC TLS context.
 */
final class RotatingTrustManager extends X509ExtendedTrustManager {

    private final StreamTls tls;

    RotatingTrustManager(StreamTls tls) {
        this.tls = tls;
    }

    private X509TrustManager current() {
        for (TrustManager manager : tls.material().trust().getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("the stream TLS trust material holds no X.509 trust manager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        X509TrustManager manager = current();
        if (manager instanceof X509ExtendedTrustManager extended) {
            extended.checkClientTrusted(chain, authType, engine);
        } else {
            manager.checkClientTrusted(chain, authType);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        X509TrustManager manager = current();
        if (manager instanceof X509ExtendedTrustManager extended) {
            extended.checkServerTrusted(chain, authType, engine);
        } else {
            manager.checkServerTrusted(chain, authType);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        current().checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        current().checkServerTrusted(chain, authType);
    }

    /**
     * @return no issuers: BoringSSL reads this list once, when the context is built, and sends it with
     *     every certificate request, where it would steer a member that rotated to a new CA away from its
     *     new certificate. Without it each member shows its own certificate, and the check above decides.
     */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
