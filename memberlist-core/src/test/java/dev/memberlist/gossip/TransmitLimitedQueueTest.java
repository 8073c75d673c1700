package dev.memberlist.gossip;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
