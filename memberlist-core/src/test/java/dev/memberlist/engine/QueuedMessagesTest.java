package dev.memberlist.engine;

import dev.memberlist.wire.Alive;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.Dead;
import dev.memberlist.wire.Message;
import dev.memberlist.wire.Suspect;
import dev.memberlist.wire.UserMessage;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueuedMessagesTest {

    private static final InetSocketAddress FROM = new InetSocketAddress("10.0.0.2", 7946);

    private final QueuedMessages queued = new QueuedMessages(2);

    @Test
    void alivesComeFirstAndEachQueueNewestFirst() {
        Message suspect = new Suspect(1, "n1", "n2");
        Message firstAlive = alive("n3");
        Message user = new UserMessage(Bytes.copyOf(new byte[] {1}));
        Message secondAlive = alive("n4");
        for (Message message : List.of(suspect, firstAlive, user, secondAlive)) {
            assertThat(queued.offer(message, FROM)).isTrue();
        }

        assertThat(drain()).containsExactly(secondAlive, firstAlive, user, suspect);
        assertThat(queued.isEmpty()).isTrue();
    }

    @Test
    void refusesMessagesOnlyWhenTheirOwnQueueIsFull() {
        assertThat(queued.offer(new Dead(1, "n1", "n2"), FROM)).isTrue();
        assertThat(queued.offer(new Dead(1, "n3", "n2"), FROM)).isTrue();

        assertThat(queued.offer(new UserMessage(Bytes.EMPTY), FROM)).as("other queue full").isFalse();
        assertThat(queued.offer(alive("n5"), FROM)).as("alive queue has room").isTrue();
    }

    @Test
    void clearForgetsEverything() {
        queued.offer(alive("n1"), FROM);
        queued.offer(new Suspect(1, "n1", "n2"), FROM);

        queued.clear();

        assertThat(queued.isEmpty()).isTrue();
        assertThat(queued.poll()).isNull();
    }

    private List<Message> drain() {
        List<Message> order = new ArrayList<>();
        for (QueuedMessages.Queued next = queued.poll(); next != null; next = queued.poll()) {
            assertThat(next.from()).isEqualTo(FROM);
            order.add(next.message());
        }
        return order;
    }

    private static Alive alive(String node) {
        return new Alive(1, node, Bytes.copyOf(new byte[] {10, 0, 0, 3}), 7946, Bytes.NIL, Bytes.NIL);
    }
}
