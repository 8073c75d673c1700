package dev.memberlist.spring.tls;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import dev.memberlist.transport.tls.StreamTls;
import dev.memberlist.transport.tls.TestCertificates;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Stream TLS from a Spring Boot SSL bundle: chosen by property, and following the bundle's reloads. */
class SslBundleStreamTlsTest {

    private final TestCertificates ca = TestCertificates.authority("cluster-ca");

    @Test
    void aReloadedBundleGivesNewStreamsItsNewMaterial() {
        DefaultSslBundleRegistry registry = new DefaultSslBundleRegistry("cluster", bundle(ca.issue("node")));
        StreamTls tls = SslBundleStreamTls.of(registry, "cluster");
        StreamTls.Material before = tls.material();

        registry.updateBundle("cluster", bundle(ca.issue("node")));

        assertThat(tls.material()).isNotSameAs(before);
        assertThat(tls.material().keys()).isNotSameAs(before.keys());
    }

    @Test
    void thePropertyNamesTheBundleThatSecuresTheStreams() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MemberlistAutoConfiguration.class))
                .withBean(SslBundles.class, () -> new DefaultSslBundleRegistry("cluster", bundle(ca.issue("node"))))
                .withPropertyValues("memberlist.name=node", "memberlist.join.enabled=false",
                        "memberlist.tls.bundle=cluster")
                .run(context -> assertThat(context.getBean(MemberlistConfig.class).streamTls()).isPresent());
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MemberlistAutoConfiguration.class))
                .withPropertyValues("memberlist.name=node", "memberlist.join.enabled=false")
                .run(context -> assertThat(context.getBean(MemberlistConfig.class).streamTls()).isEmpty());
    }

    private SslBundle bundle(TestCertificates member) {
        return SslBundle.of(SslStoreBundle.of(member.keyStore(), TestCertificates.keyStorePassword(),
                TestCertificates.trustStore(ca)));
    }
}
