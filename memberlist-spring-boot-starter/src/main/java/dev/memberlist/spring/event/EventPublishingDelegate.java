package dev.memberlist.spring.event;

import dev.memberlist.Node;
import dev.memberlist.delegate.ConflictDelegate;
import dev.memberlist.delegate.EventDelegate;
import dev.memberlist.spring.lifecycle.JoinListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns memberlist callbacks into {@link MemberlistEvent}s. Memberlist calls delegates on its engine
 * thread, which must never block, so events wait in a bounded queue for one consumer thread
 * ({@code memberlist-events}; a virtual thread on Java 21 and later, a platform daemon thread
 * before): listeners see the events in the order memberlist observed them, and a slow listener
 * only delays later events.
 *
 * <p>When the queue is full the <b>oldest</b> waiting event is dropped to make room (the newest
 * events describe the cluster as it is now): the engine never waits. Each drop is counted
 * ({@link #droppedEvents()}, the meter {@code memberlist.events.dropped}) and a warning is logged
 * when the queue first overflows, and again once it has drained.
 */
public final class EventPublishingDelegate implements EventDelegate, ConflictDelegate, JoinListener, AutoCloseable {
    /** Name of the consumer thread. */
    public static final String THREAD_NAME = "memberlist-events";

    private static final Logger log = LoggerFactory.getLogger(EventPublishingDelegate.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);
    private static final Object STOP = new Object();

    private final ApplicationEventPublisher publisher;
    private final int capacity;
    private final BlockingQueue<Object> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread consumer;
    private volatile boolean overflowing;
    private volatile boolean closed;

    /**
     * @param publisher where events go
     * @param capacity how many events may wait for listeners, at least 1
     */
    public EventPublishingDelegate(ApplicationEventPublisher publisher, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.publisher = publisher;
        this.capacity = capacity;
        // One more slot, so that close() can always queue the stop marker behind waiting events.
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
        this.consumer = ConsumerThreads.newThread(THREAD_NAME, this::consume);
        this.consumer.start();
    }

    @Override
    public void notifyJoin(Node node) {
        publish(new MemberJoinedEvent(this, node));
    }

    @Override
    public void notifyLeave(Node node) {
        publish(new MemberLeftEvent(this, node));
    }

    @Override
    public void notifyUpdate(Node node) {
        publish(new MemberUpdatedEvent(this, node));
    }

    @Override
    public void notifyConflict(Node existing, Node other) {
        publish(new MemberConflictEvent(this, existing, other));
    }

    /**
     * Publishes a {@link UserMessageReceivedEvent}.
     *
     * @param message the message (copied)
     */
    public void messageReceived(byte[] message) {
        publish(new UserMessageReceivedEvent(this, message));
    }

    /**
     * Publishes a {@link RemoteStateMergedEvent}.
     *
     * @param state the remote state (copied)
     * @param join whether the exchange was part of a join
     */
    public void remoteStateMerged(byte[] state, boolean join) {
        publish(new RemoteStateMergedEvent(this, state, join));
    }

    /** Publishes a {@link JoinSucceededEvent}. */
    @Override
    public void joinSucceeded(int reached, int attempt) {
        publish(new JoinSucceededEvent(this, reached, attempt));
    }

    /** Publishes a {@link JoinFailedEvent}. */
    @Override
    public void joinFailed(Throwable cause, int attempt) {
        publish(new JoinFailedEvent(this, cause, attempt));
    }

    /** @return how many events wait for listeners */
    public int queuedEvents() {
        return queue.size();
    }

    /** @return how many events were dropped because the queue was full */
    public long droppedEvents() {
        return dropped.get();
    }

    /** @return the thread that publishes events */
    Thread consumerThread() {
        return consumer;
    }

    /** Publishes the events already queued, waiting a few seconds at most, then stops the thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(STOP);
            consumer.join(DRAIN_TIMEOUT.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (consumer.isAlive()) {
            log.warn("Dropping {} memberlist events: listeners did not finish within {}", queue.size() - 1, DRAIN_TIMEOUT);
            consumer.interrupt();
        }
    }

    private void publish(MemberlistEvent event) {
        if (closed) {
            log.debug("Not publishing {}: the application context is closed", event);
            return;
        }
        while (queue.size() >= capacity || !queue.offer(event)) {
            Object oldest = queue.poll();
            if (oldest != null) {
                dropped.incrementAndGet();
                if (!overflowing) {
                    overflowing = true;
                    log.warn("Memberlist event listeners are too slow: {} events wait; dropping the oldest ({}) and "
                            + "every further oldest event until they catch up", capacity, oldest);
                }
            }
        }
    }

    private void consume() {
        try {
            while (true) {
                Object next = queue.take();
                if (next == STOP) {
                    return;
                }
                deliver((MemberlistEvent) next);
                if (overflowing && queue.isEmpty()) {
                    overflowing = false;
                    log.warn("Memberlist event listeners caught up; {} events dropped so far", dropped.get());
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(MemberlistEvent event) {
        try {
            publisher.publishEvent(event);
        } catch (RuntimeException ex) {
            log.warn("A listener of {} failed", event, ex);
        }
    }
}
