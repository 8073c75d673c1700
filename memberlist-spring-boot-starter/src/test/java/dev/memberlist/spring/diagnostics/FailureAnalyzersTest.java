package dev.memberlist.spring.diagnostics;

import dev.memberlist.MemberlistException;
import dev.memberlist.spring.autoconfigure.MemberlistAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class FailureAnalyzersTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());

    // The real Netty transport: these failures happen when it binds.
    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MemberlistAutoConfiguration.class))
            .withPropertyValues("memberlist.name=n1", "memberlist.transport.bind-address=127.0.0.1");

    @Test
    void aFailedApplicationReportsTheAnalysisAndNeverTheKey(CapturedOutput output) {
        String badKey = "c2hvcnQ=";
        SpringApplication application = new SpringApplication(FailingApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatException().isThrownBy(() -> application.run("--memberlist.name=n1",
                "--memberlist.transport.bind-address=127.0.0.1", "--memberlist.transport.bind-port=0",
                "--memberlist.encryption.secret-keys=" + KEY + "," + badKey, "--spring.main.banner-mode=off"));

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Invalid memberlist.encryption.secret-keys[1]: each key must be base64-encoded")
                .contains("openssl rand -base64 32").doesNotContain(KEY).doesNotContain(badKey);
    }

    @Test
    void aGossipPortInUseIsExplainedWithThePropertyToChange() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket tcp = new ServerSocket(0, 1, loopback);
             DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort()))) {
            int port = tcp.getLocalPort();
            contextRunner.withPropertyValues("memberlist.transport.bind-port=" + port).run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new GossipPortInUseFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).contains("could not listen for gossip", "127.0.0.1:" + port);
                assertThat(analysis.getAction()).contains("memberlist.transport.bind-port");
            });
        }
    }

    @Test
    void otherStartFailuresAreLeftToTheDefaultReport() {
        assertThat(new GossipPortInUseFailureAnalyzer().analyze(new MemberlistException("cannot resolve bind address x")))
                .isNull();
    }

    @Test
    void aBadSecretKeyIsExplainedWithoutShowingAnyKey() {
        String badKey = "bm90IGFuIEFFUyBrZXk=";
        contextRunner.withPropertyValues("memberlist.encryption.secret-keys=" + KEY + "," + badKey).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new InvalidSecretKeyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("memberlist.encryption.secret-keys[1]", "16, 24 or 32 bytes");
            assertThat(analysis.getAction()).contains("memberlist.encryption.secret-keys[1]", "openssl rand -base64 32");
            assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(KEY).doesNotContain(badKey);
        });
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration(MemberlistAutoConfiguration.class)
    static class FailingApplication {
    }
}
