package dev.memberlist.spring.autoconfigure;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.transport.StreamLayer;
import dev.memberlist.transport.tls.TestCertificates;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code memberlist.transport.streams=quic}, its port offset, and the TLS bundle it needs. */
class QuicStreamsPropertiesTest {

    private final TestCertificates ca = TestCertificates.authority("cluster-ca");
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MemberlistAutoConfiguration.class))
            .withPropertyValues("memberlist.name=node", "memberlist.join.enabled=false",
                    "memberlist.transport.bind-address=127.0.0.1", "memberlist.transport.bind-port=0");

    @Test
    void quicStreamsWithATlsBundleAndAnOffsetReachTheConfiguration() {
        runner.withBean(SslBundles.class, () -> new DefaultSslBundleRegistry("cluster", bundle()))
                .withPropertyValues("memberlist.transport.streams=quic", "memberlist.transport.quic.port-offset=100",
                        "memberlist.tls.bundle=cluster")
                .run(context -> {
                    MemberlistConfig config = context.getBean(MemberlistConfig.class);
                    assertThat(config.streamLayer()).isEqualTo(StreamLayer.QUIC);
                    assertThat(config.quicPortOffset()).isEqualTo(100);
                    assertThat(config.streamTls()).isPresent();
                });
    }

    @Test
    void streamsStayOnTcpUnlessChosen() {
        runner.run(context -> assertThat(context.getBean(MemberlistConfig.class).streamLayer()).isEqualTo(StreamLayer.TCP));
    }

    @Test
    void quicStreamsWithoutATlsBundleFailNamingTheProperty() {
        runner.withPropertyValues("memberlist.transport.streams=quic")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining(InvalidConfigurationPropertyValueException.class.getName()
                                + ": Property memberlist.transport.streams with value 'QUIC' is invalid: QUIC streams need streamTls"));
    }

    private SslBundle bundle() {
        return SslBundle.of(SslStoreBundle.of(ca.issue("node").keyStore(), TestCertificates.keyStorePassword(),
                TestCertificates.trustStore(ca)));
    }
}
