package dev.memberlist.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EchoServer} on one lab host, and {@link RoundTripProbe}s run from others to time round
 * trips to it, each in a small JVM of its own inside the host's namespace. {@link #close()} ends the
 * server by PID.
 */
final class LabEcho implements AutoCloseable {

    private static final int PORT = 7;
    private static final long PROBE_TIMEOUT_SECONDS = 120;

    private final LabHost host;
    private final Process server;

    private LabEcho(LabHost host, Process server) {
        this.host = host;
        this.server = server;
    }

    /**
     * @param host where the server runs
     * @return the server, answering
     */
    static LabEcho start(LabHost host) throws IOException {
        return new LabEcho(host, LabProcess.start(host.namespace(), java(EchoServer.class, String.valueOf(PORT)),
                LabProcess.log(host.namespace(), "echo"), "ready", Duration.ofSeconds(30)));
    }

    /**
     * Times round trips from a host to this server.
     *
     * @param from where the probe runs
     * @param count how many round trips of each kind
     * @return the round trips
     */
    RoundTrips measure(LabHost from, int count) throws IOException, InterruptedException {
        Path log = LabProcess.log(from.namespace(), "probe");
        Path output = LabProcess.log(from.namespace(), "probe-output");
        Process probe = new ProcessBuilder(NetworkLab.inside(from.namespace(), java(RoundTripProbe.class, host.address(),
                String.valueOf(PORT), String.valueOf(count)))).redirectError(log.toFile()).redirectOutput(output.toFile()).start();
        probe.getOutputStream().close();
        if (!probe.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            probe.destroyForcibly();
            throw new IllegalStateException("the probe from " + from.name() + " took longer than " + PROBE_TIMEOUT_SECONDS + " s");
        }
        List<String> lines = Files.readAllLines(output);
        if (probe.exitValue() != 0) {
            throw new IllegalStateException("the probe from " + from.name() + " failed: " + lines + " " + Files.readString(log));
        }
        return RoundTrips.parse(lines);
    }

    private static List<String> java(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    @Override
    public void close() {
        server.toHandle().destroyForcibly();
    }
}
