package dev.memberlist.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Finds gopeer, the real Go memberlist driven over stdin and stdout: the {@code GOPEER} environment
 * variable, else {@code /tmp/gopeer/gopeer}. Tests that need it are skipped when it is missing, unless
 * {@code MEMBERLIST_REQUIRE_GOPEER=1} (as in CI), which makes a missing binary a failure.
 */
public final class GoPeerBinary {

    private static final String DEFAULT_PATH = "/tmp/gopeer/gopeer";

    private GoPeerBinary() {
    }

    /**
     * @return the path of the gopeer executable
     * @throws org.opentest4j.TestAbortedException when it is missing and not required
     */
    public static String require() {
        Optional<String> binary = find();
        if (!"1".equals(System.getenv("MEMBERLIST_REQUIRE_GOPEER"))) {
            assumeTrue(binary.isPresent(), "gopeer not found: set GOPEER or build " + DEFAULT_PATH);
        }
        assertThat(binary).as("gopeer binary (GOPEER, else %s; MEMBERLIST_REQUIRE_GOPEER=1)", DEFAULT_PATH).isPresent();
        return binary.get();
    }

    private static Optional<String> find() {
        String configured = System.getenv("GOPEER");
        Path path = Path.of(configured == null || configured.isBlank() ? DEFAULT_PATH : configured);
        return Files.isExecutable(path) ? Optional.of(path.toString()) : Optional.empty();
    }
}
