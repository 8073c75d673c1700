package dev.memberlist.spring.autoconfigure;



/**
 * Application events ({@code memberlist.events.*}), published in order by one thread through a
 * bounded queue.
 */
public class EventsProperties {

    /** Number of events that may wait for listeners, 1 or more; when full, the oldest waiting event is dropped, counted and logged. */
    private int queueCapacity = 1024;

    public int getQueueCapacity() {
        return queueCapacity;
    }

    public void setQueueCapacity(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }
}
