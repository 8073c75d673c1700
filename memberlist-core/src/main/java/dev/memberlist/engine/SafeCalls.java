package dev.memberlist.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Runs application callbacks so that one that throws cannot corrupt the engine's work in progress:
 * the failure is logged and the engine carries on.
 */
final class SafeCalls {

    private static final Logger log = LoggerFactory.getLogger(SafeCalls.class);

    private SafeCalls() {
    }

    static void run(String what, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.error("{} threw; ignoring it", what, e);
        }
    }

    static <T> T get(String what, Supplier<T> callback, T fallback) {
        try {
            T value = callback.get();
            return value == null ? fallback : value;
        } catch (RuntimeException e) {
            log.error("{} threw; using a default", what, e);
            return fallback;
        }
    }
}
