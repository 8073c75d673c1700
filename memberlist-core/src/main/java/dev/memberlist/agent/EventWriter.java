package dev.memberlist.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints events as JSON lines, {@code {"event":NAME, key:value, ..., "t":unix_ms}}, from one thread so
 * lines never interleave. Callers only queue a line, so memberlist's engine thread never waits for
 * stdout, as long as fewer than {@value #CAPACITY} lines are waiting (gopeer's buffer size); beyond that
 * callers wait rather than lose events. Thread-safe.
 */
final class EventWriter {

    private static final int CAPACITY = 16_384;

    private final BlockingQueue<Line> lines = new ArrayBlockingQueue<>(CAPACITY);
    private final OutputStream out;
    private final LongSupplier clockMillis;

    private EventWriter(OutputStream out, LongSupplier clockMillis) {
        this.out = out;
        this.clockMillis = clockMillis;
    }

    /**
     * @param out where the lines go
     * @param clockMillis the unix time in milliseconds, for {@code t}
     * @return a writer whose daemon thread is running
     */
    static EventWriter start(OutputStream out, LongSupplier clockMillis) {
        EventWriter writer = new EventWriter(out, clockMillis);
        Thread thread = new Thread(writer::run, "agent-events");
        thread.setDaemon(true);
        thread.start();
        return writer;
    }

    /**
     * Queues one event line.
     *
     * @param event the event name
     * @param keysAndValues alternating keys (strings) and values (see {@link Json#appendValue})
     */
    void emit(String event, Object... keysAndValues) {
        put(new Line(format(event, clockMillis.getAsLong(), keysAndValues).getBytes(StandardCharsets.UTF_8), null));
    }

    /**
     * Waits until every line queued so far is written and flushed.
     *
     * @param timeout the longest wait
     * @return whether everything was written in time
     */
    boolean flush(Duration timeout) {
        CountDownLatch written = new CountDownLatch(1);
        put(new Line(new byte[0], written));
        try {
            return written.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String format(String event, long millis, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        StringBuilder line = new StringBuilder(64).append("{\"event\":");
        Json.appendValue(line, event);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            line.append(',');
            Json.appendValue(line, (String) keysAndValues[i]);
            line.append(':');
            Json.appendValue(line, keysAndValues[i + 1]);
        }
        return line.append(",\"t\":").append(millis).append("}\n").toString();
    }

    private void put(Line line) {
        try {
            lines.put(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        boolean broken = false;
        while (true) {
            Line line;
            try {
                line = lines.take();
            } catch (InterruptedException e) {
                return;
            }
            if (!broken) {
                try {
                    out.write(line.bytes);
                    if (line.written != null || lines.isEmpty()) {
                        out.flush();
                    }
                } catch (IOException e) {
                    // Whoever read stdout is gone; keep draining so emitters never block.
                    broken = true;
                }
            }
            if (line.written != null) {
                line.written.countDown();
            }
        }
    }

    private static final class Line {
        final byte[] bytes;
        final CountDownLatch written;

        Line(byte[] bytes, CountDownLatch written) {
            this.bytes = bytes;
            this.written = written;
        }
    }
}
