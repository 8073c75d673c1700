package dev.memberlist.transport.netty;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A logback appender (see {@code logback-test.xml}) that keeps every "LEAK:" report of Netty's
 * resource leak detector, so {@link NoNettyLeaks} can fail the test that leaked.
 */
public final class NettyLeakRecorder extends AppenderBase<ILoggingEvent> {

    private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message != null && message.contains("LEAK:")) {
            LEAKS.add(message);
        }
    }

    /** @return the leak reports recorded since the last call, which are forgotten */
    public static List<String> drain() {
        List<String> leaks = new ArrayList<>();
        for (String leak = LEAKS.poll(); leak != null; leak = LEAKS.poll()) {
            leaks.add(leak);
        }
        return leaks;
    }
}
