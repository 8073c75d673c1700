package dev.memberlist;

import dev.memberlist.transport.Transport;
import dev.memberlist.transport.TransportHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberlistPrepareTest {

    private final CountingTransport transport = new CountingTransport();
    private final MemberlistConfig config = MemberlistConfig.local().name("solo").bindPort(0).build();
    private Memberlist memberlist;

    @AfterEach
    void shutdown() {
        if (memberlist != null) {
            memberlist.shutdown();
        }
    }

    @Test
    void prepareNeitherStartsTheTransportNorAnnouncesTheNode() {
        memberlist = Memberlist.prepare(config, transport);

        assertThat(transport.starts).hasValue(0);
        assertThat(memberlist.isStarted()).isFalse();
        assertThat(memberlist.members()).isEmpty();
        assertThatThrownBy(memberlist::localNode).hasMessageContaining("not started");
    }

    @Test
    void commandsOnAPreparedNodeFailUntilItStarts() {
        memberlist = Memberlist.prepare(config, transport);

        assertThat(memberlist.join(List.of("127.0.0.1:7946"))).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().withMessageContaining("solo is not started");
        assertThat(memberlist.leave(Duration.ZERO)).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().withMessageContaining("solo is not started");
    }

    @Test
    void startStartsTheTransportOnceAndAnnouncesTheNode() {
        memberlist = Memberlist.prepare(config, transport);

        memberlist.start();
        memberlist.start();

        assertThat(transport.starts).hasValue(1);
        assertThat(memberlist.isStarted()).isTrue();
        assertThat(memberlist.localNode().name()).isEqualTo("solo");
        assertThat(memberlist.localNode().port()).isEqualTo(CountingTransport.ADDRESS.getPort());
    }

    @Test
    void startAfterShutdownFails() {
        memberlist = Memberlist.prepare(config, transport);
        memberlist.shutdown();

        assertThatThrownBy(memberlist::start).isInstanceOf(MemberlistException.class).hasMessageContaining("shut down");
        assertThat(transport.starts).hasValue(0);
        assertThat(transport.closes).hasValue(1);
    }

    @Test
    void aRestartableNodeStartsAsANewNodeOnANewTransportAfterShutdown() {
        List<CountingTransport> transports = new ArrayList<>();
        memberlist = Memberlist.prepareRestartable(config, () -> {
            CountingTransport next = new CountingTransport();
            transports.add(next);
            return next;
        });
        memberlist.start();
        assertThat(memberlist.leave(Duration.ofSeconds(1))).succeedsWithin(Duration.ofSeconds(5));
        assertThat(memberlist.hasLeft()).isTrue();
        memberlist.shutdown();

        memberlist.start();

        assertThat(memberlist.isShutdown()).isFalse();
        assertThat(memberlist.hasLeft()).as("a new run has not left").isFalse();
        assertThat(memberlist.localNode().state()).isEqualTo(NodeState.ALIVE);
        assertThat(transports).hasSize(2);
        assertThat(transports.get(0).closes).hasValue(1);
        assertThat(transports.get(1).starts).hasValue(1);
        assertThat(memberlist.leave(Duration.ZERO)).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void startWhenTheTransportFailsShutsTheNodeDownAndNamesTheCause() {
        transport.failStart = true;
        memberlist = Memberlist.prepare(config, transport);

        assertThatThrownBy(memberlist::start).isInstanceOf(MemberlistException.class)
                .hasMessage("failed to start memberlist node solo: address in use");
        assertThat(memberlist.isShutdown()).isTrue();
        assertThat(transport.closes).hasValue(1);
    }

    /** A transport that counts starts and closes and never sends (a lone node has nobody to send to). */
    private static final class CountingTransport implements Transport {
        static final InetSocketAddress ADDRESS = new InetSocketAddress("127.0.0.1", 17946);
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        volatile boolean failStart;

        @Override
        public void start(TransportHandler handler) {
            if (failStart) {
                throw new MemberlistException("address in use");
            }
            starts.incrementAndGet();
        }

        @Override
        public InetSocketAddress advertiseAddress() {
            return ADDRESS;
        }

        @Override
        public CompletionStage<Void> sendPacket(InetSocketAddress to, byte[] packet) {
            return CompletableFuture.failedFuture(new MemberlistException("unexpected packet to " + to));
        }

        @Override
        public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
            return CompletableFuture.failedFuture(new MemberlistException("unexpected exchange with " + to));
        }

        @Override
        public CompletionStage<Void> send(InetSocketAddress to, byte[] message, Duration timeout) {
            return CompletableFuture.failedFuture(new MemberlistException("unexpected stream to " + to));
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
