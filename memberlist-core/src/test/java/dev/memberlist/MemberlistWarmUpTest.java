package dev.memberlist;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The warm-up a node runs at start, over real loopback sockets. */
class MemberlistWarmUpTest {

    @Test
    void aStartingNodePingsItselfOverUdpWithoutSpendingItsBroadcastsOnItself() {
        SentMessages sent = new SentMessages();
        MemberlistConfig config = MemberlistConfig.local().name("warm").bindAddress("127.0.0.1").bindPort(0)
                .telemetry(sent).build();
        try (Memberlist node = Memberlist.create(config)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> sent.count("ack") >= 250);

            assertThat(sent.count("ping")).isGreaterThanOrEqualTo(250);
            // The node's own alive announcement waits in the broadcast queue for real peers: a self-ack
            // carrying it would have used up its transmits on nobody.
            assertThat(sent.count("alive")).isZero();
            assertThat(node.numMembers()).isEqualTo(1);
        }
    }

    /** Counts messages sent by type; thread-safe. */
    private static final class SentMessages implements Telemetry {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        @Override
        public void messageSent(String type) {
            counts.computeIfAbsent(type, t -> new LongAdder()).increment();
        }

        long count(String type) {
            LongAdder count = counts.get(type);
            return count == null ? 0 : count.sum();
        }
    }
}
