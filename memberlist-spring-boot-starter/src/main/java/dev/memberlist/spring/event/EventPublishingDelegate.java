package dev.memberlist.spring.event;

import dev.memberlist.Node;
import dev.memberlist.delegate.ConflictDelegate;
import dev.memberlist.delegate.EventDelegate;
import dev.memberlist.spring.lifecycle.JoinListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Turns memberlist callbacks into {@link MemberlistEvent}s. Memberlist calls delegates on its engine
 * thread, which must never block, so events are handed to one ordered publishing thread
 * ({@code memberlist-events}): listeners see every event in the order memberlist observed it, and a
 * slow listener only delays later events. The queue is unbounded, as events are few (one per
 * membership change or user message).
 */
public final class EventPublishingDelegate implements EventDelegate, ConflictDelegate, JoinListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventPublishingDelegate.class);

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final ApplicationEventPublisher publisher;

    private final ExecutorService executor;

    /**
     * @param publisher where events go
     */
    public EventPublishingDelegate(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "memberlist-events");
            thread.setDaemon(true);
            return thread;
        });
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

    /** Publishes the events already queued, waiting a few seconds at most, then stops the thread. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Dropping {} memberlist events: listeners did not finish within {}",
                        executor.shutdownNow().size(), DRAIN_TIMEOUT);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    private void publish(MemberlistEvent event) {
        try {
            executor.execute(() -> {
                try {
                    publisher.publishEvent(event);
                } catch (RuntimeException ex) {
                    log.warn("A listener of {} failed", event.getClass().getSimpleName(), ex);
                }
            });
        } catch (RejectedExecutionException ex) {
            log.debug("Not publishing {}: the application context is closed", event.getClass().getSimpleName());
        }
    }
}
