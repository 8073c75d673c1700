package dev.memberlist.sample;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Starts the demo as a user would (two nodes here, on free ports) and drives it over HTTP. */
class SampleApplicationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private List<ConfigurableApplicationContext> nodes = List.of();

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void nodesFormAClusterAndTheClusterPageShowsIt() throws Exception {
        nodes = DemoLauncher.fromArgs(new String[] {"--demo.nodes=2", "--demo.http-port=0", "--demo.gossip-port=0"})
                .launch();
        int first = port(nodes.get(0));
        int second = port(nodes.get(1));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(get(first, "/actuator/memberlist")).contains("\"alive\":2");
            assertThat(get(second, "/actuator/memberlist")).contains("\"alive\":2");
        });
        assertThat(get(first, "/")).contains("<title>memberlist cluster</title>");
        assertThat(get(first, "/app.js")).contains("api/stream");
        assertThat(firstStreamEvent(first)).startsWith("event:snapshot")
                .contains("\"self\":\"node-0\"", "\"name\":\"node-1\"", "\"state\":\"ALIVE\"", "\"history\":[");
        assertThat(get(second, "/api/events")).contains("node-0 joined");
        assertThat(get(first, "/actuator/health")).contains("\"memberlist\"");
        // The page's "open" link of node-1 needs the port node-1's web server really bound (server.port=0).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(httpPortsOf("node-1", get(first, "/actuator/memberlist"))).containsOnly(Integer.toString(second));
            assertThat(httpPortsOf("node-1", firstStreamEvent(first).lines().filter(line -> line.startsWith("data:"))
                    .map(line -> line.substring("data:".length())).collect(Collectors.joining()))).containsOnly(Integer.toString(second));
        });
    }

    @Test
    void chatLinesReachTheOtherNodesOverGossip() throws Exception {
        nodes = DemoLauncher.fromArgs(new String[] {"--demo.nodes=2", "--demo.http-port=0", "--demo.gossip-port=0"})
                .launch();
        int first = port(nodes.get(0));
        int second = port(nodes.get(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(second, "/actuator/memberlist").contains("\"alive\":2"));

        HttpResponse<String> said = http.send(HttpRequest.newBuilder(uri(first, "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hello from node 0\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(said.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(get(second, "/api/events")).contains("node-0: hello from node 0"));
    }

    @Test
    void leavingFromThePageIsSeenByTheOtherNode() throws Exception {
        nodes = DemoLauncher.fromArgs(new String[] {"--demo.nodes=2", "--demo.http-port=0", "--demo.gossip-port=0"})
                .launch();
        int first = port(nodes.get(0));
        int second = port(nodes.get(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(first, "/actuator/memberlist").contains("\"alive\":2"));

        HttpResponse<String> left = http.send(HttpRequest.newBuilder(uri(second, "/api/leave"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(left.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(get(first, "/api/events")).contains("node-1 left"));
    }

    @Test
    void thePageIsServedFromTheAppItselfWhenTheActuatorHasAPortOfItsOwn() throws Exception {
        nodes = DemoLauncher.fromArgs(new String[] {"--demo.nodes=1", "--server.port=0", "--management.server.port=0",
                "--memberlist.transport.bind-port=0", "--memberlist.name=solo"}).launch();
        int app = port(nodes.get(0));

        assertThat(http.send(HttpRequest.newBuilder(uri(app, "/actuator/memberlist")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
        assertThat(firstStreamEvent(app)).startsWith("event:snapshot").contains("\"self\":\"solo\"");
    }

    /** @return the first server-sent event of the page's stream: its lines up to the blank line ending it */
    private String firstStreamEvent(int port) throws Exception {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(uri(port, "/api/stream"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        try (Stream<String> lines = response.body()) {
            return CompletableFuture.supplyAsync(() -> lines.takeWhile(line -> !line.isEmpty())
                    .collect(Collectors.joining("\n"))).get(10, TimeUnit.SECONDS);
        }
    }

    /** @return the {@code http-port} metadata of every view of the member in the JSON document */
    private static List<String> httpPortsOf(String member, String json) {
        List<String> ports = JsonMapper.shared().readTree(json).findParents("meta").stream()
                .filter(view -> member.equals(view.path("name").asString()))
                .map(view -> view.path("meta").path("http-port").asString())
                .toList();
        assertThat(ports).as("views of %s in %s", member, json).isNotEmpty();
        return ports;
    }

    private String get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(port, path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
