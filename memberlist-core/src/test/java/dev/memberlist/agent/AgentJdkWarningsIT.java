package dev.memberlist.agent;

import dev.memberlist.interop.PeerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent jar, started as a user starts it ({@code java -jar}) on the Java running this test, prints
 * no JDK warning while two nodes start, join and exchange messages over UDP and TCP with epoll. From
 * JDK 22 on the JDK warns about native libraries loaded without native access (Netty's epoll), and
 * from JDK 24 about {@code sun.misc.Unsafe} memory access (msgpack-core used it); CI runs this on
 * JDK 25 as well as on 17.
 */
class AgentJdkWarningsIT {

    private final List<PeerProcess> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(PeerProcess::close);
    }

    @Test
    void startingAndJoiningNodesPrintsNoJdkWarning() throws IOException {
        Path jar = agentJar();
        PeerProcess a = start(jar, "warnings-a");
        String addrA = (String) a.await("ready").get("addr");
        PeerProcess b = start(jar, "warnings-b", "-join", addrA);
        b.await("ready");
        a.awaitNode("join", "warnings-b");
        a.command("send warnings-b over-tcp");
        b.await("msg", e -> "over-tcp".equals(e.get("data")));
        b.command("send-udp warnings-a over-udp");
        a.await("msg", e -> "over-udp".equals(e.get("data")));

        for (PeerProcess process : processes) {
            process.close();
            assertThat(Files.readAllLines(process.stderrLog(), StandardCharsets.UTF_8))
                    .as("stderr of %s on Java %s", process, Runtime.version())
                    .noneMatch(line -> line.startsWith("WARNING:"));
        }
    }

    private PeerProcess start(Path jar, String name, String... flags) throws IOException {
        List<String> args = new ArrayList<>(List.of("-name", name, "-bind", "127.0.0.1", "-port", "0",
                "-lifetime", "2m"));
        args.addAll(List.of(flags));
        PeerProcess process = PeerProcess.agentJar(name, jar, args.toArray(String[]::new));
        processes.add(process);
        return process;
    }

    /** The jar the package phase shaded, which runs before integration tests. */
    private static Path agentJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "memberlist-core-*-agent.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new IllegalStateException("no target/memberlist-core-*-agent.jar: run mvn verify, which packages it first");
    }
}
