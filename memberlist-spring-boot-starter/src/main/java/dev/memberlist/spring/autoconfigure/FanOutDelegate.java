package dev.memberlist.spring.autoconfigure;

import dev.memberlist.Node;
import dev.memberlist.delegate.ConflictDelegate;
import dev.memberlist.delegate.EventDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;

/**
 * Hands every membership event and name conflict to each of several beans, in order; one that
 * throws does not keep the others from hearing about it.
 */
final class FanOutDelegate implements EventDelegate, ConflictDelegate {

    private static final Logger log = LoggerFactory.getLogger(FanOutDelegate.class);

    private final List<EventDelegate> events;
    private final List<ConflictDelegate> conflicts;

    FanOutDelegate(List<EventDelegate> events, List<ConflictDelegate> conflicts) {
        this.events = List.copyOf(events);
        this.conflicts = List.copyOf(conflicts);
    }

    @Override
    public void notifyJoin(Node node) {
        each(events, delegate -> delegate.notifyJoin(node));
    }

    @Override
    public void notifyLeave(Node node) {
        each(events, delegate -> delegate.notifyLeave(node));
    }

    @Override
    public void notifyUpdate(Node node) {
        each(events, delegate -> delegate.notifyUpdate(node));
    }

    @Override
    public void notifyConflict(Node existing, Node other) {
        each(conflicts, delegate -> delegate.notifyConflict(existing, other));
    }

    private static <T> void each(List<T> delegates, Consumer<T> call) {
        for (T delegate : delegates) {
            try {
                call.accept(delegate);
            } catch (RuntimeException ex) {
                log.warn("{} failed", delegate.getClass().getName(), ex);
            }
        }
    }
}
