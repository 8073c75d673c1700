package dev.memberlist.transport.netty;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NoNettyLeaksTest {

    @Test
    void leakDetectionIsParanoidInThisModule() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    }

    @Test
    void anUnreleasedBufferIsRecordedAsALeak() {
        leakOneBuffer();

        List<String> leaks = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            leaks.addAll(NoNettyLeaks.reportedLeaks());
            return !leaks.isEmpty();
        });

        assertThat(leaks).anySatisfy(leak -> assertThat(leak).contains("LEAK:"));
    }

    private static void leakOneBuffer() {
        ByteBufAllocator.DEFAULT.buffer(8).writeLong(42);
    }
}
