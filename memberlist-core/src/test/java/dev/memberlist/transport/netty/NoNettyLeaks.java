package dev.memberlist.transport.netty;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails a test when Netty's leak detector (paranoid in this module's surefire and failsafe runs)
 * reported a buffer that was never released. The detector reports a leak when a later allocation
 * finds the buffer collected, so this collects garbage and allocates first: after each test when
 * registered with {@code @ExtendWith}, or only after the class (a full GC costs ~25 ms) with
 * {@link #collectingAfterAll()}.
 */
public final class NoNettyLeaks implements AfterEachCallback, AfterAllCallback {

    private final boolean collectAfterEach;

    /** Collects garbage and checks after each test. */
    public NoNettyLeaks() {
        this(true);
    }

    private NoNettyLeaks(boolean collectAfterEach) {
        this.collectAfterEach = collectAfterEach;
    }

    /**
     * @return an extension, for a static {@code @RegisterExtension} field, that fails each test with the
     *     leaks reported while it ran, and collects garbage to find the rest only after the class
     */
    public static NoNettyLeaks collectingAfterAll() {
        return new NoNettyLeaks(false);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertNoLeaks(collectAfterEach ? reportedLeaks() : NettyLeakRecorder.drain());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        assertThat(ResourceLeakDetector.getLevel()).as("leak detection level (the pom sets io.netty.leakDetection.level)")
                .isEqualTo(ResourceLeakDetector.Level.PARANOID);
        assertNoLeaks(reportedLeaks());
    }

    /** @return the leak reports so far, after giving unreachable buffers a chance to be reported */
    static List<String> reportedLeaks() {
        System.gc();
        ByteBufAllocator.DEFAULT.buffer(1).release();
        return NettyLeakRecorder.drain();
    }

    private static void assertNoLeaks(List<String> leaks) {
        assertThat(leaks).as("Netty buffers leaked (paranoid leak detector)").isEmpty();
    }
}
