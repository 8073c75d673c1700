package dev.memberlist.agent;

import dev.memberlist.interop.GoPeerBinary;
import dev.memberlist.interop.PeerProcess;
import dev.memberlist.security.KeyFingerprint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent as a shell user runs it: separate JVMs on 127.0.0.1 with free ports, commands on stdin,
 * JSON events on stdout. Also joins a Go node (gopeer) when one is available.
 */
class AgentIT {

    private final List<PeerProcess> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        for (PeerProcess process : processes) {
            process.close();
        }
        for (PeerProcess process : processes) {
            assertThat(process.badLines()).as("lines on stdout that are not JSON objects").isEmpty();
        }
    }

    private PeerProcess agent(String name, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("-name", name, "-lifetime", "2m"));
        all.addAll(List.of(args));
        PeerProcess agent = PeerProcess.agent("agent-" + name, all.toArray(String[]::new));
        processes.add(agent);
        return agent;
    }

    private static String addr(PeerProcess peer) {
        return (String) peer.await("ready").get("addr");
    }

    @Test
    void twoAgentsJoinAndSeeEachOtherWithTheirState() throws IOException {
        PeerProcess a = agent("a", "--port=0", "-meta", "role=seed");
        String addrA = addr(a);
        PeerProcess b = agent("b", "--join", addrA, "-state", "b's \"state\"");
        String addrB = addr(b);

        assertThat(b.await("joined").get("joined")).isEqualTo(1L);
        assertThat(a.awaitNode("join", "b")).containsEntry("addr", addrB).containsEntry("meta", "");
        assertThat(b.awaitNode("join", "a")).containsEntry("addr", addrA).containsEntry("meta", "role=seed");
        assertThat(a.await("remote_state", e -> Boolean.TRUE.equals(e.get("join"))))
                .containsEntry("data", "b's \"state\"");
        assertThat(b.await("remote_state", e -> Boolean.TRUE.equals(e.get("join"))))
                .containsEntry("data", "state-of-a");
        assertThat(a.awaitNode("join", "a").get("t")).isInstanceOf(Long.class);
        assertThat(a.events().get(0)).containsEntry("event", "join").containsEntry("node", "a");

        a.command("members");
        Map<String, Object> members = a.await("members");
        assertThat(members.get("count")).isEqualTo(2L);
        assertThat(list(members.get("members"))).extracting(m -> map(m).get("name")).containsExactlyInAnyOrder("a", "b");
        assertThat(list(members.get("members"))).allSatisfy(m -> assertThat(list(map(m).get("vsn")))
                .containsExactly(1L, 5L, 2L, 0L, 0L, 0L));
        assertThat(List.copyOf(members.keySet())).containsExactly("event", "members", "count", "t");
    }

    @Test
    void broadcastsMessagesMetadataPingsAndStatsWorkBetweenAgents() throws IOException {
        PeerProcess a = agent("a");
        PeerProcess b = agent("b", "-join", addr(a));
        String addrB = addr(b);
        a.awaitNode("join", "b");

        a.command("broadcast hello <all> & \u00e9");
        assertThat(b.await("msg", e -> ((String) e.get("data")).startsWith("hello")))
                .containsEntry("data", "hello <all> & \u00e9");
        a.command("send b over tcp");
        b.await("msg", e -> "over tcp".equals(e.get("data")));
        a.command("send-udp b over udp");
        b.await("msg", e -> "over udp".equals(e.get("data")));
        a.command("send nobody hi");
        assertThat(a.await("error").get("error")).isEqualTo("send: no member \"nobody\"");

        b.command("state second state");
        a.command("join " + addrB);
        assertThat(a.await("joined").get("joined")).isEqualTo(1L);
        a.await("remote_state", e -> "second state".equals(e.get("data")) && Boolean.TRUE.equals(e.get("join")));
        a.command("join 127.0.0.1:1");
        assertThat(a.await("error", e -> ((String) e.get("error")).startsWith("join: "))).containsEntry("joined", 0L);

        b.command("meta role=worker");
        assertThat(a.awaitNode("update", "b")).containsEntry("meta", "role=worker").containsEntry("addr", addrB);

        a.command("ping b " + addrB);
        assertThat(a.awaitNode("ping", "b").get("rtt_us")).isInstanceOf(Long.class);

        a.command("stats");
        Map<String, Object> stats = a.await("stats");
        assertThat(List.copyOf(stats.keySet())).containsExactly("event", "udp_pkts", "udp_bytes", "tcp_streams",
                "tcp_bytes", "cpu_ms", "heap_bytes", "threads", "health", "t");
        assertThat((Long) stats.get("udp_pkts")).isPositive();
        assertThat((Long) stats.get("udp_bytes")).isGreaterThan((Long) stats.get("udp_pkts"));
        assertThat((Long) stats.get("tcp_streams")).isPositive();
        assertThat((Long) stats.get("threads")).isPositive();

        a.command("dance");
        a.await("error", e -> "unknown command \"dance\"".equals(e.get("error")));
    }

    @Test
    void keyCommandsRotateTheKeyringAsGopeerDoes() throws IOException {
        String oldKey = base64Key('o');
        String newKey = base64Key('n');
        PeerProcess a = agent("a", "-key", oldKey);
        PeerProcess b = agent("b", "-key", oldKey, "-join", addr(a));
        a.awaitNode("join", "b");

        for (PeerProcess node : List.of(a, b)) {
            int mark = node.eventCount();
            node.command("install-key " + newKey);
            assertThat(node.awaitFrom(mark, "keys", e -> true)).containsEntry("op", "install-key").containsEntry("count", 2L);
        }
        for (PeerProcess node : List.of(a, b)) {
            int mark = node.eventCount();
            node.command("use-key " + newKey);
            assertThat(node.awaitFrom(mark, "keys", e -> true)).containsEntry("op", "use-key").containsEntry("count", 2L)
                    .containsEntry("primary", fingerprint(newKey))
                    .containsEntry("fingerprints", List.of(fingerprint(newKey), fingerprint(oldKey)));
        }
        for (PeerProcess node : List.of(a, b)) {
            int mark = node.eventCount();
            node.command("remove-key " + oldKey);
            assertThat(node.awaitFrom(mark, "keys", e -> true)).containsEntry("op", "remove-key").containsEntry("count", 1L)
                    .containsEntry("primary", fingerprint(newKey)).containsEntry("fingerprints", List.of(fingerprint(newKey)))
                    .doesNotContainValue(newKey);
        }
        a.command("send b sealed with the new key");
        b.await("msg", e -> "sealed with the new key".equals(e.get("data")));

        a.command("remove-key " + newKey);
        a.await("error", e -> "remove-key: removing the primary key is not allowed".equals(e.get("error")));
        a.command("use-key " + oldKey);
        a.await("error", e -> "use-key: the requested key is not in the keyring".equals(e.get("error")));
        a.command("install-key not*base64");
        a.await("error", e -> ((String) e.get("error")).startsWith("install-key: "));
        PeerProcess plain = agent("plain");
        addr(plain);
        plain.command("install-key " + newKey);
        plain.await("error", e -> "install-key: no keyring: start the agent with -key".equals(e.get("error")));
    }

    private static String fingerprint(String base64Key) {
        return KeyFingerprint.of(Base64.getDecoder().decode(base64Key));
    }

    private static String base64Key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void leaveIsSeenByThePeerAndEndsTheProcess() throws IOException {
        PeerProcess a = agent("a");
        PeerProcess b = agent("b", "-join", addr(a));
        a.awaitNode("join", "b");

        b.command("leave");

        assertThat((Long) b.await("left").get("ms")).isNotNegative();
        assertThat(b.awaitExit()).isZero();
        a.awaitNode("leave", "b");
    }

    @Test
    void endOfStdinStopsTheAgentWithoutLeaving() throws IOException {
        PeerProcess a = agent("a");
        addr(a);

        a.closeStdin();

        assertThat(a.awaitExit()).isZero();
        assertThat(a.find(e -> "left".equals(e.get("event")))).isEmpty();
    }

    @Test
    void sigtermStopsTheAgentWithoutLeaving() throws IOException {
        PeerProcess a = agent("a");
        addr(a);

        a.terminate();

        assertThat(a.awaitExit()).isEqualTo(143);
        assertThat(a.find(e -> "left".equals(e.get("event")))).isEmpty();
    }

    @Test
    void badFlagsPrintAnErrorEventAndExitWithTwo() throws IOException {
        PeerProcess bad = agent("bad", "-port", "seven");

        assertThat(bad.awaitExit()).isEqualTo(2);
        assertThat(bad.await("error").get("error")).isEqualTo("invalid value \"seven\" for flag -port: parse error");
    }

    @Test
    void agentAndGoNodeJoinEachOther() throws IOException {
        String gopeer = GoPeerBinary.require();
        PeerProcess java = agent("java");
        String addrJava = addr(java);
        PeerProcess go = PeerProcess.gopeer(gopeer, "go", List.of("-name", "go", "-port", "0", "-lifetime", "2m",
                "-join", addrJava));
        processes.add(go);
        String addrGo = addr(go);

        assertThat(go.await("joined").get("joined")).isEqualTo(1L);
        assertThat(java.awaitNode("join", "go")).containsEntry("addr", addrGo);
        assertThat(go.awaitNode("join", "java")).containsEntry("addr", addrJava);
        assertThat(java.await("remote_state", e -> Boolean.TRUE.equals(e.get("join"))))
                .containsEntry("data", "state-of-go");
        java.command("broadcast from java");
        go.await("msg", e -> "from java".equals(e.get("data")));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
