package dev.memberlist;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the layering of STYLE.md honest by scanning the sources: only the Netty transport (and its
 * QUIC stream layer) imports Netty, and the deterministic packages never read real time, sleep or start threads.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/memberlist");
    private static final List<String> DETERMINISTIC = List.of("engine", "state", "probe", "gossip", "wire", "internal");

    @Test
    void onlyTheNettyTransportAndItsQuicStreamsImportNetty() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles(SOURCES)) {
            boolean transport = file.startsWith(SOURCES.resolve("transport/netty")) || file.startsWith(SOURCES.resolve("transport/quic"));
            if (!transport && Files.readString(file).contains("import io.netty")) {
                offenders.add(file.toString());
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void deterministicPackagesNeverTouchRealTimeOrThreads() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String pkg : DETERMINISTIC) {
            for (Path file : javaFiles(SOURCES.resolve(pkg))) {
                String source = Files.readString(file);
                for (String forbidden : List.of("System.currentTimeMillis", "System.nanoTime", "Thread.sleep",
                        "new Thread", "Instant.now", "synchronized")) {
                    if (source.contains(forbidden)) {
                        offenders.add(file + ": " + forbidden);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}
