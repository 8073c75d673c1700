package dev.memberlist.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The lab's packet delayer ({@code src/test/go/delayer}, Go's standard library only), built with
 * {@code go build} into {@code target/delayer/} the first time a test of this run needs it. Go is
 * looked up on {@code PATH}, then in Debian's {@code /usr/lib/go/bin}; the delayer also needs
 * {@code /dev/net/tun}. Where either is missing the test is skipped, or fails under
 * {@code MEMBERLIST_REQUIRE_NETNS=1}.
 */
final class DelayerBinary {

    private static final Path SOURCE = Path.of("src", "test", "go", "delayer");
    private static final Path OUTPUT = Path.of("target", "delayer", "delayer");
    private static final long BUILD_TIMEOUT_SECONDS = 300;
    private static Path built;

    private DelayerBinary() {
    }

    /**
     * @return the delayer executable, built on the first call
     * @throws IllegalStateException when the build fails
     */
    static synchronized Path require() {
        LabPrerequisite.require(Files.exists(Path.of("/dev/net/tun")),
                "the delayer needs a TUN device, and /dev/net/tun is missing (a kernel with CONFIG_TUN)");
        Optional<Path> go = findGo();
        LabPrerequisite.require(go.isPresent(), "the delayer is built with Go, and no go is on PATH or in /usr/lib/go/bin "
                + "(apt-get install golang-go)");
        if (built == null) {
            built = build(go.orElseThrow());
        }
        return built;
    }

    private static Path build(Path go) {
        Path output = OUTPUT.toAbsolutePath();
        try {
            Files.createDirectories(output.getParent());
            Path log = output.resolveSibling("build.log");
            ProcessBuilder builder = new ProcessBuilder(go.toString(), "build", "-o", output.toString(), ".")
                    .directory(SOURCE.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            // GOPATH mode and no cgo: the delayer needs nothing outside Go's standard library, so the
            // build never asks a module proxy for anything.
            environment.put("GO111MODULE", "off");
            environment.put("GOFLAGS", "");
            environment.put("CGO_ENABLED", "0");
            environment.putIfAbsent("GOCACHE", Path.of(System.getProperty("java.io.tmpdir"), "memberlist-delayer-gocache").toString());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("go build of the delayer took longer than " + BUILD_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("go build of the delayer failed: " + Files.readString(log));
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("go build of the delayer could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the delayer", e);
        }
    }

    private static Optional<Path> findGo() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(java.io.File.pathSeparator)) {
                if (!directory.isEmpty()) {
                    candidates.add(Path.of(directory, "go"));
                }
            }
        }
        candidates.add(Path.of("/usr/lib/go/bin/go"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
