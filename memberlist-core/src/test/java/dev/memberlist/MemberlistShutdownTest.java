package dev.memberlist;

import dev.memberlist.transport.Transport;
import dev.memberlist.transport.TransportHandler;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

class MemberlistShutdownTest {

    @Test
    void closeFailsAPendingPingWithAShutdownCause() {
        MemberlistConfig config = MemberlistConfig.local().name("solo").probeTimeout(Duration.ofMinutes(1)).build();
        Memberlist memberlist = Memberlist.create(config, new BlackHoleTransport());

        CompletableFuture<Duration> ping = memberlist.ping("ghost", new InetSocketAddress("127.0.0.1", 9));
        memberlist.close();

        assertThat(ping).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause()
                .isInstanceOf(MemberlistException.class).withMessageContaining("solo is shut down");
    }

    /** A transport whose datagrams vanish, as to a host that is down. */
    private static final class BlackHoleTransport implements Transport {

        @Override
        public void start(TransportHandler handler) {
        }

        @Override
        public InetSocketAddress advertiseAddress() {
            return new InetSocketAddress("127.0.0.1", 17946);
        }

        @Override
        public CompletionStage<Void> sendPacket(InetSocketAddress to, byte[] packet) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletionStage<Void> send(InetSocketAddress to, byte[] message, Duration timeout) {
            return new CompletableFuture<>();
        }

        @Override
        public void close() {
        }
    }
}
