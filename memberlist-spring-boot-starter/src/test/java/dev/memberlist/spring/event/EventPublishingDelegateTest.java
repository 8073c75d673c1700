package dev.memberlist.spring.event;

import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.ProtocolVersions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class EventPublishingDelegateTest {

    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private ApplicationEventPublisher publisher = event -> {
        threads.add(Thread.currentThread().getName());
        published.add(event);
    };
    private EventPublishingDelegate delegate = new EventPublishingDelegate(event -> publisher.publishEvent(event), 1024);

    @AfterEach
    void close() {
        delegate.close();
    }

    @Test
    void publishesEveryCallbackAsAnEventInOrderFromTheEventsThread() {
        Node joined = node("n1", NodeState.ALIVE);
        delegate.notifyJoin(joined);
        delegate.notifyUpdate(node("n1", NodeState.ALIVE));
        delegate.notifyConflict(joined, node("n1", NodeState.ALIVE));
        delegate.messageReceived(new byte[] {1, 2, 3});
        delegate.remoteStateMerged(new byte[] {4}, true);
        delegate.notifyLeave(node("n1", NodeState.LEFT));

        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 6);
        assertThat(published).extracting(event -> event.getClass().getSimpleName()).containsExactly("MemberJoinedEvent",
                "MemberUpdatedEvent", "MemberConflictEvent", "UserMessageReceivedEvent", "RemoteStateMergedEvent",
                "MemberLeftEvent");
        assertThat(((MemberJoinedEvent) published.get(0)).getMember()).isEqualTo(joined);
        assertThat(((UserMessageReceivedEvent) published.get(3)).getMessage()).containsExactly(1, 2, 3);
        assertThat(((RemoteStateMergedEvent) published.get(4)).isJoin()).isTrue();
        assertThat(((MemberLeftEvent) published.get(5)).getReason()).isEqualTo(MemberLeftEvent.Reason.LEFT);
        assertThat(threads).containsOnly("memberlist-events");
    }

    @Test
    void aSlowListenerNeverBlocksTheCaller() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        publisher = event -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            published.add(event);
        };
        for (int i = 0; i < 100; i++) {
            delegate.notifyJoin(node("n" + i, NodeState.ALIVE));
        }

        assertThat(published).isEmpty();
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 100);
        assertThat(published).extracting(event -> ((MemberJoinedEvent) event).getMember().name())
                .startsWith("n0", "n1", "n2").endsWith("n98", "n99");
    }

    @Test
    void aFullQueueDropsTheOldestWaitingEventsCountsThemAndNeverBlocks() throws InterruptedException {
        CountDownLatch listening = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        publisher = event -> {
            listening.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            published.add(event);
        };
        delegate.close();
        delegate = new EventPublishingDelegate(event -> publisher.publishEvent(event), 3);
        delegate.notifyJoin(node("in-listener", NodeState.ALIVE));
        assertThat(listening.await(5, TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < 10; i++) {
            delegate.notifyJoin(node("n" + i, NodeState.ALIVE));
        }

        assertThat(delegate.queuedEvents()).isEqualTo(3);
        assertThat(delegate.droppedEvents()).isEqualTo(7);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 4);
        assertThat(published).extracting(event -> ((MemberJoinedEvent) event).getMember().name())
                .containsExactly("in-listener", "n7", "n8", "n9");
        assertThat(delegate.queuedEvents()).isZero();
    }

    @Test
    void theConsumerIsAVirtualThreadOnJava21AndADaemonThreadBefore() throws ReflectiveOperationException {
        Thread consumer = delegate.consumerThread();

        assertThat(consumer.getName()).isEqualTo(EventPublishingDelegate.THREAD_NAME);
        assertThat(consumer.isDaemon()).isTrue();
        boolean virtual = Runtime.version().feature() >= 21
                && (Boolean) Thread.class.getMethod("isVirtual").invoke(consumer);
        assertThat(virtual).isEqualTo(Runtime.version().feature() >= 21);
    }

    @Test
    void everyEventNamesItsMemberAndItsReasonWhenLogged() {
        Node n1 = node("n1", NodeState.ALIVE);

        assertThat(new MemberJoinedEvent(this, n1)).hasToString("MemberJoinedEvent[member=" + n1 + ", reason=joined]");
        assertThat(new MemberJoinedEvent(this, n1).toString()).contains("n1 (127.0.0.1:7946)");
        assertThat(new MemberUpdatedEvent(this, n1).toString()).contains("n1 (127.0.0.1:7946)", "reason=metadata changed");
        assertThat(new MemberLeftEvent(this, node("n1", NodeState.DEAD)).toString())
                .contains("n1 (127.0.0.1:7946)", "reason=FAILED");
        assertThat(new MemberLeftEvent(this, node("n1", NodeState.LEFT)).toString()).contains("reason=LEFT");
        assertThat(new MemberConflictEvent(this, n1, node("n1", NodeState.ALIVE)).toString())
                .contains("member=n1 (127.0.0.1:7946)", "reason=name claimed by n1");
        assertThat(new UserMessageReceivedEvent(this, new byte[3]).toString())
                .contains("member=unknown", "reason=user message of 3 bytes");
        assertThat(new RemoteStateMergedEvent(this, new byte[2], true).toString())
                .contains("member=unknown", "reason=join push/pull state of 2 bytes");
    }

    @Test
    void capacityMustAllowOneEvent() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EventPublishingDelegate(event -> { }, 0))
                .withMessage("capacity must be at least 1, was 0");
    }

    @Test
    void aFailingListenerDoesNotStopLaterEvents() {
        publisher = event -> {
            published.add(event);
            throw new IllegalStateException("listener failed");
        };
        delegate.notifyJoin(node("n1", NodeState.ALIVE));
        delegate.notifyJoin(node("n2", NodeState.ALIVE));

        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 2);
    }

    @Test
    void closePublishesWhatIsQueuedAndDropsLaterEvents() {
        CountDownLatch release = new CountDownLatch(1);
        publisher = event -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            published.add(event);
        };
        delegate.notifyJoin(node("queued", NodeState.ALIVE));
        release.countDown();
        delegate.close();
        delegate.notifyJoin(node("late", NodeState.ALIVE));

        assertThat(published).extracting(event -> ((MemberJoinedEvent) event).getMember().name()).containsExactly("queued");
    }

    @Test
    void memberLeftEventTellsAFailedNodeFromOneThatLeft() {
        assertThat(new MemberLeftEvent(this, node("n1", NodeState.DEAD)).getReason()).isEqualTo(MemberLeftEvent.Reason.FAILED);
        assertThat(new MemberLeftEvent(this, node("n1", NodeState.LEFT)).getReason()).isEqualTo(MemberLeftEvent.Reason.LEFT);
        assertThatIllegalArgumentException().isThrownBy(() -> new MemberLeftEvent(this, node("n1", NodeState.SUSPECT)));
    }

    @Test
    void eventsCopyTheirBytes() {
        byte[] message = {1};
        UserMessageReceivedEvent event = new UserMessageReceivedEvent(this, message);
        message[0] = 9;
        event.getMessage()[0] = 8;

        assertThat(event.getMessage()).containsExactly(1);
    }

    static Node node(String name, NodeState state) {
        return new Node(name, InetAddress.getLoopbackAddress(), 7946, new byte[0], state, 1,
                ProtocolVersions.advertised(2, 0, 0, 0));
    }
}
