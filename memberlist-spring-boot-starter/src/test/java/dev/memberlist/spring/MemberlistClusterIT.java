package dev.memberlist.spring;

import dev.memberlist.Memberlist;
import dev.memberlist.NodeState;
import dev.memberlist.spring.event.MemberLeftEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Three applications on loopback form a cluster; checked over real UDP, TCP and HTTP. */
class MemberlistClusterIT {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());
    private static final String NEW_KEY = Base64.getEncoder().encodeToString("fedcba9876543210".getBytes());
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void closeAll() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void threeApplicationsFormAClusterAndHearAboutALeave() throws Exception {
        ConfigurableApplicationContext n1 = start("n1", null);
        String seed = "127.0.0.1:" + n1.getBean(Memberlist.class).localNode().port();
        ConfigurableApplicationContext n2 = start("n2", seed, "management.endpoint.memberlistops.access=unrestricted");
        ConfigurableApplicationContext n3 = start("n3", seed);
        await().atMost(TIMEOUT).until(() -> contexts.stream()
                .allMatch(context -> context.getBean(Memberlist.class).numMembers() == 3));

        JsonNode cluster = await().atMost(TIMEOUT).until(() -> get(n1, "/actuator/memberlist"),
                body -> body.get("members").valueStream().allMatch(member -> !member.get("lastRttMillis").isNull()
                        || member.get("name").asString().equals("n1")));
        assertThat(cluster.get("local").get("name").asString()).isEqualTo("n1");
        assertThat(cluster.get("healthScore").asInt()).isZero();
        assertThat(cluster.get("counts").get("alive").asInt()).isEqualTo(3);
        assertThat(cluster.get("members").valueStream().map(member -> member.get("name").asString()))
                .containsExactlyInAnyOrder("n1", "n2", "n3");
        JsonNode member = cluster.get("members").valueStream()
                .filter(node -> node.get("name").asString().equals("n2")).findFirst().orElseThrow();
        assertThat(member.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(member.get("port").asInt()).isEqualTo(n2.getBean(Memberlist.class).localNode().port());
        assertThat(member.get("state").asString()).isEqualTo("ALIVE");
        assertThat(member.get("incarnation").isNumber()).isTrue();
        assertThat(member.get("meta").get("app").asString()).isEqualTo("n2");
        assertThat(member.get("lastRttMillis").asLong()).isNotNegative();
        assertThat(cluster.get("config").get("encryptionEnabled").asBoolean()).isTrue();
        assertThat(cluster.get("config").get("probeInterval").asString()).isEqualTo("PT1S");
        assertThat(cluster.toString()).doesNotContain(KEY);

        assertThat(get(n1, "/actuator/memberlist/n3").get("state").asString()).isEqualTo("ALIVE");
        assertThat(status(n1, "GET", "/actuator/memberlist/nobody")).isEqualTo(404);
        assertThat(status(n1, "GET", "/actuator/memberlist/leave")).as("a path is a member's name").isEqualTo(404);
        assertThat(status(n1, "POST", "/actuator/memberlist/leave")).isBetween(400, 499);
        assertThat(get(n1, "/actuator/memberlistops").get("operations").toString()).contains("leave");
        assertThat(status(n1, "POST", "/actuator/memberlistops/leave")).as("read-only by default").isBetween(400, 499);
        assertThat(n1.getBean(Memberlist.class).hasLeft()).isFalse();

        JsonNode health = get(n1, "/actuator/health/memberlist");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("details").get("counts").get("alive").asInt()).isEqualTo(3);
        assertThat(health.get("details").get("join").asString()).isEqualTo("NOT_REQUESTED");
        JsonNode readiness = get(n2, "/actuator/health/readiness");
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").get("memberlist").get("details").get("join").asString()).isEqualTo("JOINED");

        JsonNode installed = post(n2, "/actuator/memberlistops/install-key", "{\"key\": \"" + NEW_KEY + "\"}");
        assertThat(installed.get("keys").asInt()).isEqualTo(2);
        assertThat(installed.toString()).doesNotContain(NEW_KEY);
        JsonNode joined = post(n2, "/actuator/memberlistops/join", "{\"seeds\": \"" + seed + "\"}");
        assertThat(joined.get("reached").asInt()).isEqualTo(1);
        assertThat(joined.get("members").asInt()).isEqualTo(3);

        JsonNode alive = get(n1, "/actuator/metrics/memberlist.members?tag=state:alive");
        assertThat(alive.get("measurements").get(0).get("value").asDouble()).isEqualTo(3);
        JsonNode sent = get(n1, "/actuator/metrics/memberlist.messages.sent");
        assertThat(sent.get("availableTags").valueStream().map(tag -> tag.get("tag").asString())).contains("type");
        assertThat(get(n1, "/actuator/metrics/memberlist.bytes.received?tag=transport:udp")
                .get("measurements").get(0).get("value").asDouble()).isPositive();

        ShutdownProbes probes = n3.getBean(ShutdownProbes.class);
        Memberlist n3Node = n3.getBean(Memberlist.class);
        n3.close();

        assertThat(probes.seen).containsExactly(
                "after the graceful web shutdown: left=true, shut down=false",
                "after the web server stopped: left=true, shut down=false");
        assertThat(n3Node.isShutdown()).isTrue();

        for (ConfigurableApplicationContext observer : List.of(n1, n2)) {
            LeftListener listener = observer.getBean(LeftListener.class);
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(listener.left)
                    .anySatisfy(event -> {
                        assertThat(event.getMember().name()).isEqualTo("n3");
                        assertThat(event.getReason()).isEqualTo(MemberLeftEvent.Reason.LEFT);
                        assertThat(event.getMember().state()).isEqualTo(NodeState.LEFT);
                    }));
        }
        assertThat(get(n1, "/actuator/memberlist").get("counts").get("left").asInt()).isEqualTo(1);
    }

    @Test
    void anApplicationStoppedAndStartedAgainRejoinsAsANewNode() {
        ConfigurableApplicationContext n1 = start("n1", null);
        String seed = "127.0.0.1:" + n1.getBean(Memberlist.class).localNode().port();
        ConfigurableApplicationContext n2 = start("n2", seed);
        Memberlist seen = n1.getBean(Memberlist.class);
        await().atMost(TIMEOUT).until(() -> seen.numMembers() == 2);

        n2.stop();

        await().atMost(TIMEOUT).until(() -> state(seen, "n2") == NodeState.LEFT);
        assertThat(n2.getBean(Memberlist.class).isShutdown()).isTrue();

        n2.start();

        await().atMost(TIMEOUT).until(() -> state(seen, "n2") == NodeState.ALIVE && seen.numMembers() == 2);
        assertThat(n2.getBean(Memberlist.class).numMembers()).isEqualTo(2);
        assertThat(n2.getBean(Memberlist.class).hasLeft()).isFalse();
    }

    private static NodeState state(Memberlist observer, String name) {
        return observer.allNodes().stream().filter(node -> node.name().equals(name)).findFirst()
                .map(node -> node.state()).orElse(null);
    }

    private ConfigurableApplicationContext start(String name, String seed, String... more) {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
                "spring.main.banner-mode=off",
                "management.endpoints.web.exposure.include=health,memberlist,memberlistops,metrics",
                "management.endpoint.health.show-details=always",
                "management.endpoint.health.group.readiness.include=readinessState,memberlist",
                "management.endpoint.health.group.readiness.show-details=always",
                "memberlist.name=" + name, "memberlist.profile=local", "memberlist.transport.bind-address=127.0.0.1",
                "memberlist.transport.bind-port=0", "memberlist.encryption.secret-keys=" + KEY, "memberlist.meta.app=" + name,
                "memberlist.leave-timeout=3s"));
        if (seed != null) {
            properties.add("memberlist.join.seeds=" + seed);
        }
        properties.addAll(List.of(more));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ClusterApplication.class)
                .properties(properties.toArray(String[]::new)).run();
        contexts.add(context);
        return context;
    }

    private JsonNode get(ConfigurableApplicationContext context, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(context, "GET", path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode post(ConfigurableApplicationContext context, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base(context) + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private int status(ConfigurableApplicationContext context, String method, String path)
            throws IOException, InterruptedException {
        return http.send(request(context, method, path), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static HttpRequest request(ConfigurableApplicationContext context, String method, String path) {
        return HttpRequest.newBuilder(URI.create(base(context) + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"))
                .build();
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ClusterApplication {

        @Bean
        LeftListener leftListener() {
            return new LeftListener();
        }

        @Bean
        ShutdownProbes shutdownProbes() {
            return new ShutdownProbes();
        }

        @Bean
        SmartLifecycle afterGracefulWebShutdown(ShutdownProbes probes, ObjectProvider<Memberlist> memberlist) {
            return probes.probe("after the graceful web shutdown",
                    WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1, memberlist);
        }

        @Bean
        SmartLifecycle afterWebServerStopped(ShutdownProbes probes, ObjectProvider<Memberlist> memberlist) {
            return probes.probe("after the web server stopped", BootPhases.webServerStartStop() - 1,
                    memberlist);
        }
    }

    /** Records what the node looks like when the phases around the web server's shutdown stop. */
    static class ShutdownProbes {

        final List<String> seen = new CopyOnWriteArrayList<>();

        SmartLifecycle probe(String when, int phase, ObjectProvider<Memberlist> memberlist) {
            return new SmartLifecycle() {
                private volatile boolean running;

                @Override
                public void start() {
                    running = true;
                }

                @Override
                public void stop() {
                    running = false;
                    Memberlist node = memberlist.getObject();
                    seen.add(when + ": left=" + node.hasLeft() + ", shut down=" + node.isShutdown());
                }

                @Override
                public boolean isRunning() {
                    return running;
                }

                @Override
                public int getPhase() {
                    return phase;
                }
            };
        }
    }

    static class LeftListener {

        final List<MemberLeftEvent> left = new CopyOnWriteArrayList<>();

        @EventListener
        void on(MemberLeftEvent event) {
            left.add(event);
        }
    }
}
