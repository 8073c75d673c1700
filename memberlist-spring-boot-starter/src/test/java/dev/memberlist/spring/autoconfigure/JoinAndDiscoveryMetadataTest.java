package dev.memberlist.spring.autoconfigure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The metadata IDEs complete {@code memberlist.join.*} and {@code memberlist.discovery.*} from. */
class JoinAndDiscoveryMetadataTest {

    private static JsonNode metadata;

    @BeforeAll
    static void readGeneratedMetadata() throws IOException {
        try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
            metadata = JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void joinPropertiesHaveTypesAndDefaults() {
        assertThat(property("memberlist.join.seeds").get("type").asString()).isEqualTo("java.util.List<java.lang.String>");
        assertThat(property("memberlist.join.enabled").get("defaultValue").asBoolean()).isTrue();
        assertThat(property("memberlist.join.initial-backoff").get("type").asString()).isEqualTo("java.time.Duration");
        assertThat(property("memberlist.join.initial-backoff").get("defaultValue").asString()).isEqualTo("1s");
        assertThat(property("memberlist.join.max-backoff").get("defaultValue").asString()).isEqualTo("30s");
    }

    @Test
    void discoveryPropertiesAreDescribedWithDefaults() {
        assertThat(property("memberlist.discovery.kubernetes.enabled").get("defaultValue").asBoolean()).isFalse();
        assertThat(property("memberlist.discovery.kubernetes.port-name").get("defaultValue").asString()).isEqualTo("memberlist");
        assertThat(property("memberlist.discovery.kubernetes.port").get("description").asString()).contains("1 to 65535");
        assertThat(property("memberlist.discovery.client.enabled").get("defaultValue").asBoolean()).isTrue();
        for (String name : new String[] { "namespace", "label-selector", "service-name" }) {
            assertThat(property("memberlist.discovery.kubernetes." + name).get("description").asString()).isNotBlank();
        }
    }

    @Test
    void seedsAndSelectorsHaveValueHints() {
        assertThat(hint("memberlist.join.seeds").get("values").valueStream().map(value -> value.get("value").asString()))
                .contains("memberlist.my-namespace.svc.cluster.local");
        assertThat(hint("memberlist.discovery.kubernetes.label-selector")).isNotNull();
        assertThat(hint("memberlist.discovery.kubernetes.port-name")).isNotNull();
    }

    private static JsonNode property(String name) {
        return metadata.get("properties").valueStream().filter(property -> property.get("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no property " + name));
    }

    private static JsonNode hint(String name) {
        return metadata.get("hints").valueStream().filter(hint -> hint.get("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no hint for " + name));
    }
}
