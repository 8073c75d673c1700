package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.transport.tls.StreamTls;

import java.time.Duration;

/** The stream contract on TCP with mutual TLS: one handshake per stream. */
class TcpTlsStreamsIT extends AuthenticatedStreamTransportContract {

    @Override
    MemberlistConfig.Builder streams(MemberlistConfig.Builder config, StreamTls tls) {
        // A cold JVM's first handshakes take longer than the local preset's one second.
        return config.streamTls(tls).tcpTimeout(Duration.ofSeconds(5));
    }
}
