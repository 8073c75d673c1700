package dev.memberlist.agent;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventWriterTest {

    @Test
    void formatsEventFirstFieldsInOrderAndTimeLast() {
        assertThat(EventWriter.format("join", 1700000000123L, "node", "b", "addr", "127.0.0.1:7946", "meta", ""))
                .isEqualTo("{\"event\":\"join\",\"node\":\"b\",\"addr\":\"127.0.0.1:7946\",\"meta\":\"\","
                        + "\"t\":1700000000123}\n");
        assertThat(EventWriter.format("expired", 5L)).isEqualTo("{\"event\":\"expired\",\"t\":5}\n");
        assertThat(EventWriter.format("members", 5L, "members", List.of(), "count", 0))
                .isEqualTo("{\"event\":\"members\",\"members\":[],\"count\":0,\"t\":5}\n");
    }

    @Test
    void refusesAKeyWithoutValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventWriter.format("x", 0L, "lonely"));
    }

    @Test
    void linesFromManyThreadsNeverInterleave() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventWriter writer = EventWriter.start(out, () -> 42L);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        String payload = "x".repeat(300);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.execute(() -> {
                for (int i = 0; i < 500; i++) {
                    writer.emit("msg", "data", thread + ":" + i + ":" + payload);
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2000)
                .allMatch(line -> line.matches("\\{\"event\":\"msg\",\"data\":\"[0-3]:\\d+:x{300}\",\"t\":42}"));
    }

    @Test
    void keepsAcceptingEventsWhenStdoutIsGone() {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        EventWriter writer = EventWriter.start(closed, () -> 0L);

        writer.emit("msg", "data", "lost");

        assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
    }
}
