package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.transport.StreamLayer;
import dev.memberlist.transport.tls.StreamTls;

import java.time.Duration;

/** The stream contract on QUIC: one connection per peer, one stream per exchange. */
class QuicStreamsIT extends StreamTransportContract {

    @Override
    MemberlistConfig.Builder streams(MemberlistConfig.Builder config, StreamTls tls) {
        return config.streamLayer(StreamLayer.QUIC).streamTls(tls).tcpTimeout(Duration.ofSeconds(5));
    }

    @Override
    boolean usesTls() {
        return true;
    }
}
