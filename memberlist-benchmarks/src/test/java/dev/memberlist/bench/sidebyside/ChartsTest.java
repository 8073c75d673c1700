package dev.memberlist.bench.sidebyside;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void writesAConvergenceAndADetectionPngPerPreset(@TempDir Path directory) throws IOException {
        List<Path> charts = Charts.write(List.of(SideBySideFixtures.lan8()), directory.resolve("charts"));

        assertThat(charts).extracting(p -> p.getFileName().toString())
                .containsExactly("convergence-lan.png", "detection-lan.png");
        for (Path chart : charts) {
            byte[] bytes = Files.readAllBytes(chart);
            assertThat(bytes.length).isGreaterThan(5_000);
            assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
        }
    }
}
