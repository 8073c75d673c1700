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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the metadata that IDEs complete {@code memberlist.*} from, as the annotation processor generated it. */
class MemberlistPropertiesMetadataTest {

    // Knobs that are beans rather than properties, and knobs whose property is their opposite.
    private static final Set<String> BEANS = Set.of("delegates", "telemetry", "addressResolver");
    private static final Set<String> INVERTED = Set.of("disableTcpPings", "skipInboundLabelCheck");

    private static final Map<String, JsonNode> properties = new HashMap<>();
    private static final List<JsonNode> hints = new ArrayList<>();

    @BeforeAll
    static void readGeneratedMetadata() throws IOException {
        try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
            JsonNode metadata = JsonMapper.builder().build().readTree(in);
            for (JsonNode property : metadata.get("properties")) {
                properties.put(property.get("name").asString(), property);
            }
            metadata.get("hints").forEach(hints::add);
        }
    }

    @Test
    void everyKnobOfTheCoreConfigurationHasADescribedProperty() {
        for (RecordComponent component : MemberlistConfig.class.getRecordComponents()) {
            if (!BEANS.contains(component.getName())) {
                assertThat(MemberlistConfigFactory.PROPERTY_OF_KNOB).as(component.getName()).containsKey(component.getName());
                String property = property(component.getName());
                assertThat(properties).as(property).containsKey(property);
                assertThat(properties.get(property).path("description").asString()).as(property).isNotBlank();
            }
        }
        assertThat(MemberlistConfigFactory.PROPERTY_OF_KNOB).hasSize(
                MemberlistConfig.class.getRecordComponents().length - BEANS.size());
    }

    @Test
    void knobsAreGroupedAndNoGroupIsFlat() {
        assertThat(properties.keySet().stream().filter(name -> name.chars().filter(c -> c == '.').count() == 1))
                .as("properties directly under memberlist.")
                .containsExactlyInAnyOrder("memberlist.enabled", "memberlist.profile", "memberlist.name",
                        "memberlist.leave-timeout", "memberlist.meta");
    }

    @Test
    void everyBoundedNumberStatesItsRange() {
        properties.forEach((name, property) -> {
            String type = property.path("type").asString();
            if ((type.equals("java.lang.Integer") || type.endsWith("DataSize")) && name.startsWith("memberlist.")
                    && !name.startsWith("memberlist.join.") && !name.startsWith("memberlist.health.")
                    && !name.startsWith("memberlist.events.")) {
                assertThat(property.path("description").asString()).as(name).containsPattern("\\d+[A-Z]* to \\d+");
            }
        });
    }

    @Test
    void hintsListTheProtocolVersionsAndCommonBindValues() {
        assertThat(hintValues("memberlist.protocol.version")).containsExactly("1", "2", "3", "4", "5");
        assertThat(hintValues("memberlist.transport.bind-port")).contains("0", "7946");
        assertThat(hintValues("memberlist.transport.bind-address")).contains("0.0.0.0", "::");
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
            if (BEANS.contains(component.getName())) {
                continue;
            }
            JsonNode property = properties.get(property(component.getName()));
            if (property == null || !property.has("defaultValue")) {
                continue;
            }
            Object expected = component.getAccessor().invoke(lan);
            if (expected instanceof Optional<?> optional) {
                expected = optional.orElse(null);
            }
            if (INVERTED.contains(component.getName())) {
                expected = !(Boolean) expected;
            }
            assertThat(parse(property.get("defaultValue"), component.getType())).as(component.getName()).isEqualTo(expected);
            checked++;
        }
        assertThat(checked).as("knobs with a documented default").isEqualTo(38);
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
        if (type.isEnum()) {
            return Enum.valueOf(type.asSubclass(Enum.class), value.asString().toUpperCase(Locale.ROOT));
        }
        return value.asString();
    }

    private static String property(String knob) {
        return "memberlist." + MemberlistConfigFactory.PROPERTY_OF_KNOB.get(knob);
    }

    private static List<String> hintValues(String property) {
        for (JsonNode hint : hints) {
            if (hint.get("name").asString().equals(property)) {
                return hint.get("values").valueStream().map(value -> value.get("value").asString()).toList();
            }
        }
        throw new AssertionError("no hint for " + property);
    }
}
