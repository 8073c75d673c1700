package dev.memberlist.spring.autoconfigure;

import dev.memberlist.MemberlistConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the metadata that IDEs complete {@code memberlist.*} from, as the annotation processor generated it. */
class MemberlistPropertiesMetadataTest {

    // Knobs whose property is named differently, and knobs that are beans rather than properties.
    private static final Map<String, String> RENAMED = Map.of("keyring", "secret-keys",
            "disableTcpPingsForNode", "disable-tcp-pings-for-nodes");
    private static final Set<String> BEANS = Set.of("delegates", "telemetry", "addressResolver");

    private static final Map<String, JsonNode> properties = new HashMap<>();

    @BeforeAll
    static void readGeneratedMetadata() throws IOException {
        try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
            for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
                properties.put(property.get("name").asString(), property);
            }
        }
    }

    @Test
    void everyKnobOfTheCoreConfigurationHasADescribedProperty() {
        for (RecordComponent component : MemberlistConfig.class.getRecordComponents()) {
            if (!BEANS.contains(component.getName())) {
                String property = "memberlist." + RENAMED.getOrDefault(component.getName(), kebabCase(component.getName()));
                assertThat(properties).as(property).containsKey(property);
                assertThat(properties.get(property).path("description").asString()).as(property).isNotBlank();
            }
        }
    }

    @Test
    void everyPropertyIsDescribed() {
        properties.forEach((name, property) ->
                assertThat(property.path("description").asString()).as(name).isNotBlank().doesNotStartWith("The "));
    }

    @Test
    void documentedDefaultsEqualTheLanPreset() throws ReflectiveOperationException {
        MemberlistConfig lan = MemberlistConfig.lan().build();
        int checked = 0;
        for (RecordComponent component : MemberlistConfig.class.getRecordComponents()) {
            JsonNode property = properties.get("memberlist." + kebabCase(component.getName()));
            if (property == null || !property.has("defaultValue")) {
                continue;
            }
            Object expected = component.getAccessor().invoke(lan);
            if (expected instanceof Optional<?> optional) {
                expected = optional.orElse(null);
            }
            assertThat(parse(property.get("defaultValue"), component.getType())).as(component.getName()).isEqualTo(expected);
            checked++;
        }
        assertThat(checked).as("knobs with a documented default").isEqualTo(35);
    }

    private static Object parse(JsonNode value, Class<?> type) {
        if (type == Duration.class) {
            return DurationStyle.detectAndParse(value.asString());
        }
        if (type == int.class && value.isString()) {
            return (int) DataSize.parse(value.asString()).toBytes();
        }
        if (type == int.class) {
            return value.asInt();
        }
        if (type == boolean.class) {
            return value.asBoolean();
        }
        return value.asString();
    }

    private static String kebabCase(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
