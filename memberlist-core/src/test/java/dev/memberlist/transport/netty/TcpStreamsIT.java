package dev.memberlist.transport.netty;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.transport.tls.StreamTls;

/** The stream contract on plain TCP, Go's way. */
class TcpStreamsIT extends StreamTransportContract {

    @Override
    MemberlistConfig.Builder streams(MemberlistConfig.Builder config, StreamTls tls) {
        return config;
    }
}
