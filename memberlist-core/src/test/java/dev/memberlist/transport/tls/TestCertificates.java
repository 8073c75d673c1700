package dev.memberlist.transport.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Certificates made in the test, never checked in: a cluster CA and member certificates it signs
 * (EC P-256, valid for a day).
 */
public final class TestCertificates {

    private static final char[] PASSWORD = "test".toCharArray();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final String name;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCertificates(String name, KeyPair keys, X509Certificate certificate) {
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
    }

    /**
     * @param name the CA's common name
     * @return a new self-signed CA
     */
    public static TestCertificates authority(String name) {
        KeyPair keys = newKeyPair();
        return new TestCertificates(name, keys, sign(name, keys, name, keys, true));
    }

    /**
     * @param memberName the member certificate's common name
     * @return a member certificate signed by this CA, with its key
     */
    public TestCertificates issue(String memberName) {
        KeyPair memberKeys = newKeyPair();
        return new TestCertificates(memberName, memberKeys, sign(memberName, memberKeys, name, keys, false));
    }

    /** @return the key material of this certificate, as a member shows it */
    public KeyManagerFactory keyManagers() {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore(), PASSWORD);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a PKCS12 key store holding this certificate and its key under {@link #keyStorePassword()} */
    public KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(name, keys.getPrivate(), PASSWORD, new X509Certificate[] {certificate});
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the password of {@link #keyStore()} */
    public static String keyStorePassword() {
        return new String(PASSWORD);
    }

    /** @return trust material that accepts what this CA signed */
    public TrustManagerFactory trustManagers() {
        return trusting(this);
    }

    /**
     * @param authorities CAs
     * @return trust material that accepts what any of them signed, as during a CA rotation
     */
    public static TrustManagerFactory trusting(TestCertificates... authorities) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore(authorities));
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param authorities CAs
     * @return a PKCS12 trust store holding their certificates
     */
    public static KeyStore trustStore(TestCertificates... authorities) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (TestCertificates authority : authorities) {
                store.setCertificateEntry(authority.name, authority.certificate);
            }
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param memberName a member's name
     * @return stream TLS for a member with a certificate of this CA, trusting this CA
     */
    public StreamTls streamTlsFor(String memberName) {
        return StreamTls.of(issue(memberName).keyManagers(), trustManagers());
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
            boolean authority) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuer),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=" + subject), subjectKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(authority))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(authority
                            ? KeyUsage.keyCertSign | KeyUsage.digitalSignature
                            : KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }
}
