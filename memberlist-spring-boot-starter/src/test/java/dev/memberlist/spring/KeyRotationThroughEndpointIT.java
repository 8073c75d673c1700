package dev.memberlist.spring;

import dev.memberlist.Memberlist;
import dev.memberlist.Node;
import dev.memberlist.NodeState;
import dev.memberlist.Telemetry;
import dev.memberlist.interop.GoPeerBinary;
import dev.memberlist.interop.PeerProcess;
import dev.memberlist.interop.RestartableNode;
import dev.memberlist.security.KeyFingerprint;
import dev.memberlist.spring.event.MemberLeftEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The encryption key of a live cluster of three Spring Boot applications and two Go nodes rotated as
 * the README's runbook says: through the starter's {@code memberlistops} endpoint over HTTP on the
 * applications and through stdin on the Go nodes, each step on every node before the next, checked by
 * the key fingerprints every node answers. No node is suspected or declared dead on the way, and
 * afterwards the new key opens the cluster and the old one does not.
 */
class KeyRotationThroughEndpointIT {

    private static final String OLD_KEY = key("the key we rotate away from ....");
    private static final String NEW_KEY = key("the key we rotate to ...........");
    private static final String OLD = KeyFingerprint.of(Base64.getDecoder().decode(OLD_KEY));
    private static final String NEW = KeyFingerprint.of(Base64.getDecoder().decode(NEW_KEY));
    /** Go's local preset, the timings of the applications' {@code memberlist.profile=local}. */
    private static final List<String> GO_TIMINGS = List.of("-config", "local");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * How long a new node may take to reach every node under {@code local}: its alive message is sent
     * only twice per node, so it often misses one, which then learns of it from a push/pull (every
     * 15 s, with a peer that may not know it either). Four intervals; ConvergenceSimulationTest's
     * slowest of 400 simulated joins into this cluster's size took 42 s.
     */
    private static final Duration CONVERGE = Duration.ofSeconds(60);
    /** Five probe rounds of every node: long enough for a node that cannot read its peers to be suspected. */
    private static final Duration HOLD = Duration.ofSeconds(5);

    private final ActuatorHttp http = new ActuatorHttp();
    private final Map<String, ConfigurableApplicationContext> apps = new HashMap<>();
    private final Map<String, RestartableNode> goNodes = new HashMap<>();
    private String logPrefix;

    @BeforeEach
    void requireGopeer(TestInfo test) {
        GoPeerBinary.require();
        logPrefix = getClass().getSimpleName() + "." + test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void stopAll() {
        goNodes.values().forEach(RestartableNode::close);
        apps.values().forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void rotatingTheKeyThroughTheEndpointFlapsNoNodeOfAMixedCluster() {
        ConfigurableApplicationContext a1 = startApp("a1", null);
        RestartableNode g1 = startGo("g1", "-key", OLD_KEY, "-join", address(a1));
        startApp("a2", g1.address());
        RestartableNode g2 = startGo("g2", "-key", OLD_KEY, "-join", address(apps.get("a2")));
        startApp("a3", g2.address());
        awaitConverged();
        Map<String, Integer> mark = mark();

        rotate("install-key", NEW_KEY, List.of(OLD, NEW));
        rotate("use-key", NEW_KEY, List.of(NEW, OLD));
        rotate("remove-key", OLD_KEY, List.of(NEW));

        await("no node suspected or dead for " + HOLD + " after the rotation").during(HOLD).atMost(HOLD.plusSeconds(2))
                .failFast("a node was suspected or declared dead", () -> assertThat(flapsSince(mark)).isEmpty())
                .until(() -> flapsSince(mark).isEmpty());
        awaitConverged();

        HttpResponse<String> refused = http.postForResponse(a1, "/actuator/memberlistops/remove-key", body(NEW_KEY));
        assertThat(refused.statusCode()).as("removing the primary key: %s", refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("remove-key refused for key " + NEW + ": removing the primary key is not allowed")
                .doesNotContain(NEW_KEY, OLD_KEY);

        RestartableNode stale = startGo("stale", "-key", OLD_KEY, "-join", address(a1));
        assertThat(joinOutcome(stale)).as("a join with the removed key").isZero();
        goNodes.remove("stale").close();
        RestartableNode fresh = startGo("fresh", "-key", NEW_KEY, "-join", address(apps.get("a2")));
        assertThat(joinOutcome(fresh)).as("a join with the new key").isPositive();
        awaitConverged();
        assertThat(flapsSince(mark)).as("suspicions and deaths since the rotation began").isEmpty();
    }

    /**
     * Runs one rotation step on every node, asserting each answer, then checks as the runbook does that
     * every application now shows the same key fingerprints.
     */
    private void rotate(String operation, String key, List<String> fingerprints) {
        for (Map.Entry<String, ConfigurableApplicationContext> app : apps.entrySet()) {
            JsonNode answer = http.post(app.getValue(), "/actuator/memberlistops/" + operation, body(key));
            assertThat(answer.get("keys").asInt()).as("%s %s", operation, app.getKey()).isEqualTo(fingerprints.size());
            assertKeyring(answer.get("keyring"), fingerprints, operation + " " + app.getKey());
            assertThat(answer.toString()).doesNotContain(OLD_KEY, NEW_KEY);
        }
        for (RestartableNode node : goNodes.values()) {
            assertThat(node.keys(operation + " " + key)).as("%s %s", operation, node)
                    .containsEntry("op", operation).containsEntry("count", (long) fingerprints.size());
        }
        apps.forEach((name, app) -> assertKeyring(http.get(app, "/actuator/memberlistops").get("keyring"), fingerprints,
                "keyring of " + name + " after " + operation));
    }

    private static void assertKeyring(JsonNode keyring, List<String> fingerprints, String what) {
        assertThat(keyring.get("primary").asString()).as("primary, %s", what).isEqualTo(fingerprints.get(0));
        assertThat(keyring.get("fingerprints").valueStream().map(JsonNode::asString).toList()).as("fingerprints, %s", what)
                .isEqualTo(fingerprints);
    }

    /** Waits until every node lists exactly every node as alive. */
    private void awaitConverged() {
        Set<String> expected = new TreeSet<>(apps.keySet());
        expected.addAll(goNodes.keySet());
        await("every node lists " + expected).atMost(CONVERGE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            apps.forEach((name, app) -> assertThat(app.getBean(Memberlist.class).members().stream()
                    .filter(node -> node.state() == NodeState.ALIVE).map(Node::name).collect(Collectors.toSet()))
                    .as("alive members listed by %s", name).isEqualTo(expected));
            goNodes.forEach((name, node) -> assertThat(node.memberNames()).as("members listed by %s", name)
                    .isEqualTo(expected));
        });
    }

    /** @return how many flaps each application and how many events each Go node has recorded so far */
    private Map<String, Integer> mark() {
        Map<String, Integer> mark = new HashMap<>();
        apps.forEach((name, app) -> mark.put(name, app.getBean(Flaps.class).seen.size()));
        goNodes.forEach((name, node) -> mark.put(name, node.process().eventCount()));
        return mark;
    }

    /**
     * @return every suspicion and death since the mark, as the applications' telemetry and
     *     {@link MemberLeftEvent}s and the Go nodes' {@code suspect}, {@code leave} and {@code error}
     *     events tell them, each prefixed with the node that saw it
     */
    private List<String> flapsSince(Map<String, Integer> mark) {
        List<String> flaps = new ArrayList<>();
        apps.forEach((name, app) -> {
            List<String> seen = List.copyOf(app.getBean(Flaps.class).seen);
            seen.subList(Math.min(mark.get(name), seen.size()), seen.size()).forEach(flap -> flaps.add(name + ": " + flap));
        });
        goNodes.forEach((name, node) -> {
            List<Map<String, Object>> events = node.process().events();
            events.subList(Math.min(mark.getOrDefault(name, 0), events.size()), events.size()).stream()
                    .filter(event -> Set.of("suspect", "leave", "error").contains(event.get("event")))
                    .forEach(event -> flaps.add(name + ": " + event));
        });
        return flaps;
    }

    private ConfigurableApplicationContext startApp(String name, String seed) {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
                "spring.main.banner-mode=off",
                "management.endpoints.web.exposure.include=memberlistops",
                "management.endpoint.memberlistops.access=unrestricted",
                "memberlist.name=" + name, "memberlist.profile=local", "memberlist.transport.bind-address=127.0.0.1",
                "memberlist.transport.bind-port=0", "memberlist.encryption.secret-keys=" + OLD_KEY,
                "memberlist.leave-timeout=2s"));
        if (seed != null) {
            properties.add("memberlist.join.seeds=" + seed);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RotatingApplication.class)
                .properties(properties.toArray(String[]::new)).run();
        apps.put(name, context);
        return context;
    }

    private RestartableNode startGo(String name, String... flags) {
        RestartableNode node = RestartableNode.start(RestartableNode.Kind.GO, name, RestartableNode.Placement.LOOPBACK,
                "0", logPrefix, GO_TIMINGS, flags);
        goNodes.put(name, node);
        return node;
    }

    /**
     * @param node a Go node started with {@code -join}
     * @return how many seeds it reached: 0 when its join failed
     */
    private static int joinOutcome(RestartableNode node) {
        PeerProcess process = node.process();
        Map<String, Object> outcome = await(node.name() + " joins or fails to").atMost(WAIT)
                .until(() -> process.find(event -> "joined".equals(event.get("event"))
                        || "error".equals(event.get("event")) && ((String) event.get("error")).startsWith("join: ")),
                        Optional::isPresent).orElseThrow();
        return outcome.containsKey("joined") ? ((Number) outcome.get("joined")).intValue() : 0;
    }

    private static String address(ConfigurableApplicationContext app) {
        return "127.0.0.1:" + app.getBean(Memberlist.class).localNode().port();
    }

    private static String body(String key) {
        return "{\"key\": \"" + key + "\"}";
    }

    private static String key(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class RotatingApplication {

        @Bean
        Flaps flaps() {
            return new Flaps();
        }
    }

    /** What an application saw go wrong with a node: suspicions (telemetry) and deaths (events). */
    static class Flaps implements Telemetry {

        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void nodeSuspected(String node) {
            seen.add("suspect " + node);
        }

        @EventListener
        void on(MemberLeftEvent event) {
            if (event.getReason() == MemberLeftEvent.Reason.FAILED) {
                seen.add("dead " + event.getMember().name());
            }
        }
    }
}
