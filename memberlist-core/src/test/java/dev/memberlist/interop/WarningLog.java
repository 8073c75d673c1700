package dev.memberlist.interop;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records everything this JVM logs at WARN or above while open. Loggers that the test logging
 * configuration quiets above WARN (and that pass their events on to the root) are lowered to WARN
 * meanwhile, so nothing a Java node warns about escapes; {@link #close()} restores them.
 */
final class WarningLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Map<Logger, Level> quieted = new HashMap<>();
    private final Logger root;

    private WarningLog() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Logger logger : context.getLoggerList()) {
            if (logger != root && logger.isAdditive() && logger.getLevel() != null
                    && logger.getLevel().isGreaterOrEqual(Level.ERROR)) {
                quieted.put(logger, logger.getLevel());
                logger.setLevel(Level.WARN);
            }
        }
        setContext(context);
        setName("warning-log");
        start();
        root.addAppender(this);
    }

    /** @return a log that records from now until closed */
    static WarningLog open() {
        return new WarningLog();
    }

    /** @return {@code LEVEL [thread] logger: message} of each record so far */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            warnings.add(event.getLevel() + " [" + event.getThreadName() + "] " + event.getLoggerName() + ": "
                    + event.getFormattedMessage());
        }
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
        quieted.forEach(Logger::setLevel);
    }
}
