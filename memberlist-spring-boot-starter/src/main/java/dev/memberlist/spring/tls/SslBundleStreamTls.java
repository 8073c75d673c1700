package dev.memberlist.spring.tls;

import dev.memberlist.transport.tls.StreamTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * Mutual TLS for a node's streams from a Spring Boot SSL bundle ({@code spring.ssl.bundle.*}): the
 * bundle's key material is the node's certificate, its trust material the cluster's CA. When the
 * bundle is reloaded (a renewed certificate on disk, with {@code reload-on-update}), new streams use
 * the new material; streams already open keep theirs.
 */
public final class SslBundleStreamTls {

    private static final Logger log = LoggerFactory.getLogger(SslBundleStreamTls.class);

    private SslBundleStreamTls() {
    }

    /**
     * @param bundles the application's SSL bundles
     * @param name the bundle to use
     * @return TLS for streams that follows the bundle's reloads
     * @throws org.springframework.boot.ssl.NoSuchSslBundleException when there is no such bundle
     */
    public static StreamTls of(SslBundles bundles, String name) {
        SslBundle bundle = bundles.getBundle(name);
        StreamTls tls = StreamTls.of(bundle.getManagers().getKeyManagerFactory(),
                bundle.getManagers().getTrustManagerFactory());
        bundles.addBundleUpdateHandler(name, updated -> {
            tls.update(updated.getManagers().getKeyManagerFactory(), updated.getManagers().getTrustManagerFactory());
            log.info("SSL bundle '{}' was reloaded: new memberlist streams use its new material", name);
        });
        return tls;
    }
}
