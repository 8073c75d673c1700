package dev.memberlist.gossip;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TransmitLimitedQueueTest {

    private final List<String> finished = new ArrayList<>();

    // Go: TestTransmitLimited_GetBroadcasts
    @Test
    void takesAsManyMessagesAsFitWithTheirOverhead() {
        TransmitLimitedQueue queue = new TransmitLimitedQueue(3, () -> 10);
        queueFour(queue);

        assertThat(queue.take(2, 80)).hasSize(4);
        assertThat(queue.take(3, 80)).hasSize(3);
    }

    // Go: TestTransmitLimited_GetBroadcasts_Limit
    @Test
    void finishesEachMessageAfterItsTransmitLimit() {
        TransmitLimitedQueue queue = new TransmitLimitedQueue(1, () -> 10);
        queueFour(queue);

        assertThat(queue.take(3, 80)).hasSize(3);
        assertThat(queue.take(3, 80)).hasSize(3);
        assertThat(queue.take(3, 80)).hasSize(2);
        assertThat(queue.take(3, 80)).isEmpty();
        assertThat(queue.size()).isZero();
        assertThat(finished).containsExactlyInAnyOrder("test", "foo", "bar", "baz");
    }

    // Go: TestTransmitLimited_Queue
    @Test
    void newBroadcastAboutTheSameNodeReplacesAndFinishesTheOldOne() {
        TransmitLimitedQueue queue = new TransmitLimitedQueue(1, () -> 1);
        queue.queue(broadcast("test", "a"));
        queue.queue(broadcast("foo", "b"));
        queue.queue(broadcast("test", "c"));

        assertThat(queue.size()).isEqualTo(2);
        assertThat(finished).containsExactly("test");
        assertThat(text(queue.take(0, 100))).containsExactly("c", "b");
    }

    @Test
    void fewerTransmissionsGoFirstThenLongerThenNewer() {
        TransmitLimitedQueue queue = new TransmitLimitedQueue(10, () -> 100);
        queue.queue(broadcast("a", "short"));
        queue.queue(broadcast("b", "the longest one"));
        queue.queue(broadcast("c", "other"));
        assertThat(text(queue.take(0, 1000))).containsExactly("the longest one", "other", "short");

        queue.queue(broadcast("d", "fresh"));
        assertThat(text(queue.take(0, 1000))).first().isEqualTo("fresh");
    }

    @Test
    void skipsMessagesThatDoNotFitAndTakesSmallerOnes() {
        TransmitLimitedQueue queue = new TransmitLimitedQueue(10, () -> 100);
        queue.queue(broadcast("big", "x".repeat(50)));
        queue.queue(broadcast("small", "tiny"));

        assertThat(text(queue.take(2, 20))).containsExactly("tiny");
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void clearFinishesEverything() {
        TransmitLimitedQueue queue = new TransmitLimitedQueue(10, () -> 100);
        queueFour(queue);

        queue.clear();

        assertThat(queue.size()).isZero();
        assertThat(finished).hasSize(4);
    }

    @Test
    void queueingFromManyThreadsWhileOneTakesFinishesEveryBroadcastExactlyOnce() throws Exception {
        TransmitLimitedQueue queue = new TransmitLimitedQueue(1, () -> 1);
        int producers = 4;
        int perProducer = 20_000;
        ConcurrentHashMap<String, AtomicInteger> finishes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(producers + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> queued = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                queued.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perProducer; i++) {
                        // Names repeat across producers, so replacements race with takes too.
                        String name = "node-" + (i % 500) + "-" + (producer % 2);
                        String id = producer + ":" + i;
                        queue.queue(new Broadcast(name, id.getBytes(StandardCharsets.UTF_8),
                                () -> finishes.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet()));
                    }
                    return null;
                }));
            }
            Future<?> taker = pool.submit(() -> {
                start.await();
                while (!queued.stream().allMatch(Future::isDone)) {
                    queue.take(2, 1400);
                }
                return null;
            });
            start.countDown();
            for (Future<?> future : queued) {
                future.get(30, TimeUnit.SECONDS);
            }
            taker.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        queue.clear();

        assertThat(queue.size()).isZero();
        assertThat(finishes).hasSize(producers * perProducer);
        assertThat(finishes.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    }

    private void queueFour(TransmitLimitedQueue queue) {
        queue.queue(broadcast("test", "1. this is a test."));
        queue.queue(broadcast("foo", "2. this is a test."));
        queue.queue(broadcast("bar", "3. this is a test."));
        queue.queue(broadcast("baz", "4. this is a test."));
    }

    private Broadcast broadcast(String name, String message) {
        return new Broadcast(name, message.getBytes(StandardCharsets.UTF_8), () -> finished.add(name));
    }

    private static List<String> text(List<byte[]> messages) {
        return messages.stream().map(m -> new String(m, StandardCharsets.UTF_8)).toList();
    }
}
