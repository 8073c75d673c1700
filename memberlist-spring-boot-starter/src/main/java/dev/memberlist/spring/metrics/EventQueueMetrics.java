package dev.memberlist.spring.metrics;

import dev.memberlist.spring.event.EventPublishingDelegate;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters of the application events' queue:
 * <ul>
 * <li>{@code memberlist.events.queue} (gauge): events waiting for listeners</li>
 * <li>{@code memberlist.events.dropped} (counter): events dropped because the queue was full</li>
 * </ul>
 */
public final class EventQueueMetrics implements MeterBinder {
    private final EventPublishingDelegate events;

    /**
     * @param events the publisher whose queue to measure
     */
    public EventQueueMetrics(EventPublishingDelegate events) {
        this.events = events;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("memberlist.events.queue", events, EventPublishingDelegate::queuedEvents)
                .description("Application events waiting for listeners")
                .register(registry);
        FunctionCounter.builder("memberlist.events.dropped", events, EventPublishingDelegate::droppedEvents)
                .description("Application events dropped because listeners were too slow and the queue was full")
                .register(registry);
    }
}
