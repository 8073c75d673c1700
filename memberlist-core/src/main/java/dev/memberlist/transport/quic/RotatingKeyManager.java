package dev.memberlist.transport.quic;

import dev.memberlist.transport.tls.StreamTls;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A key manager that asks the {@link StreamTls}'s current material on every call, so that a QUIC TLS
 * context built once shows the certificate installed by {@link StreamTls#update} from the next
 * handshake on. BoringSSL asks for the key and chain during each handshake.
 */
final class RotatingKeyManager extends X509ExtendedKeyManager {

    private final StreamTls tls;

    RotatingKeyManager(StreamTls tls) {
        this.tls = tls;
    }

    private X509KeyManager current() {
        for (KeyManager manager : tls.material().keys().getKeyManagers()) {
            if (manager instanceof X509KeyManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("the stream TLS key material holds no X.509 key manager");
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return current().getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return current().chooseClientAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        X509KeyManager manager = current();
        return manager instanceof X509ExtendedKeyManager extended
                ? extended.chooseEngineClientAlias(keyType, issuers, engine)
                : manager.chooseClientAlias(keyType, issuers, null);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return current().getServerAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return current().chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        X509KeyManager manager = current();
        return manager instanceof X509ExtendedKeyManager extended
                ? extended.chooseEngineServerAlias(keyType, issuers, engine)
                : manager.chooseServerAlias(keyType, issuers, null);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return current().getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return current().getPrivateKey(alias);
    }
}
