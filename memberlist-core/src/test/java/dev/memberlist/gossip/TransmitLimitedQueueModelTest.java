package dev.memberlist.gossip;

import dev.memberlist.internal.ClusterMath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random operations on the queue and on a naive model written from PROTOCOL.md §11.9 (sort
 * everything, scan the tiers): both must take the same messages and finish the same broadcasts.
 */
class TransmitLimitedQueueModelTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void takesExactlyWhatTheSpecificationSays(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] numNodes = {1};
        List<String> finished = new ArrayList<>();
        List<String> modelFinished = new ArrayList<>();
        TransmitLimitedQueue queue = new TransmitLimitedQueue(2, () -> numNodes[0]);
        Model model = new Model(2, modelFinished);

        for (int step = 0; step < 2_000; step++) {
            int operation = random.nextInt(100);
            if (operation < 55) {
                String name = "node-" + random.nextInt(40);
                byte[] message = new byte[1 + random.nextInt(60)];
                random.nextBytes(message);
                queue.queue(new Broadcast(name, message, () -> finished.add(name)));
                model.queue(name, message);
            } else if (operation < 99) {
                numNodes[0] = 1 + random.nextInt(2_000);
                int overhead = random.nextInt(4);
                int limit = random.nextInt(250);
                assertThat(queue.take(overhead, limit)).as("seed %d step %d", seed, step)
                        .containsExactlyElementsOf(model.take(overhead, limit, numNodes[0]));
            } else {
                queue.clear();
                model.clear();
            }
            assertThat(queue.size()).as("seed %d step %d", seed, step).isEqualTo(model.size());
            assertThat(finished).as("seed %d step %d", seed, step).isEqualTo(modelFinished);
        }
    }

    /** The specification, as directly as it can be written. */
    private static final class Model {
        private static final Comparator<Item> ORDER = Comparator.comparingInt((Item i) -> i.transmits)
                .thenComparing(Comparator.comparingInt((Item i) -> i.message.length).reversed())
                .thenComparing(Comparator.comparingLong((Item i) -> i.id).reversed());

        private final int retransmitMult;
        private final List<String> finished;
        private final List<Item> items = new ArrayList<>();
        private long nextId;

        Model(int retransmitMult, List<String> finished) {
            this.retransmitMult = retransmitMult;
            this.finished = finished;
        }

        void queue(String name, byte[] message) {
            for (Item item : List.copyOf(items)) {
                if (item.name.equals(name)) {
                    items.remove(item);
                    finished.add(name);
                }
            }
            if (items.isEmpty()) {
                nextId = 0;
            }
            items.add(new Item(name, message, 0, ++nextId));
        }

        List<byte[]> take(int overhead, int limit, int numNodes) {
            List<byte[]> chosen = new ArrayList<>();
            if (items.isEmpty()) {
                return chosen;
            }
            int transmitLimit = ClusterMath.retransmitLimit(retransmitMult, numNodes);
            items.sort(ORDER);
            List<Item> taken = new ArrayList<>();
            int used = 0;
            int tier = items.get(0).transmits;
            int maxTier = items.get(items.size() - 1).transmits;
            while (tier <= maxTier && limit - used - overhead > 0) {
                int free = limit - used - overhead;
                Item fit = null;
                for (Item item : items) {
                    if (item.transmits == tier && item.message.length <= free && !taken.contains(item)) {
                        fit = item;
                        break;
                    }
                }
                if (fit == null) {
                    tier++;
                    continue;
                }
                taken.add(fit);
                used += overhead + fit.message.length;
                chosen.add(fit.message);
            }
            for (Item item : taken) {
                if (item.transmits + 1 >= transmitLimit) {
                    items.remove(item);
                    finished.add(item.name);
                } else {
                    item.transmits++;
                }
            }
            return chosen;
        }

        void clear() {
            items.sort(ORDER);
            items.forEach(item -> finished.add(item.name));
            items.clear();
        }

        int size() {
            return items.size();
        }
    }

    private static final class Item {
        final String name;
        final byte[] message;
        final long id;
        int transmits;

        Item(String name, byte[] message, int transmits, long id) {
            this.name = name;
            this.message = message;
            this.transmits = transmits;
            this.id = id;
        }
    }
}
