package dev.memberlist.spring;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls a running application's actuator over real HTTP on 127.0.0.1, as curl would. */
final class ActuatorHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param context the application, serving HTTP
     * @param path an actuator path such as {@code /actuator/memberlistops}
     * @return the JSON answer, which must be a 200
     */
    JsonNode get(ApplicationContext context, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(context, path)).timeout(TIMEOUT).GET().build());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /**
     * @param context the application, serving HTTP
     * @param path an actuator path such as {@code /actuator/memberlistops/use-key}
     * @param body the JSON request body
     * @return the JSON answer, which must be a 200
     */
    JsonNode post(ApplicationContext context, String path, String body) {
        HttpResponse<String> response = postForResponse(context, path, body);
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /**
     * @param context the application, serving HTTP
     * @param path an actuator path
     * @param body the JSON request body
     * @return the answer, whatever its status
     */
    HttpResponse<String> postForResponse(ApplicationContext context, String path, String body) {
        return send(HttpRequest.newBuilder(uri(context, path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private static URI uri(ApplicationContext context, String path) {
        return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + path);
    }
}
