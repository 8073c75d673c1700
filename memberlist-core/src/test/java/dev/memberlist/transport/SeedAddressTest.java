package dev.memberlist.transport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "example.com              | ''     | example.com   | 7946",
        "example.com:8000         | ''     | example.com   | 8000",
        "10.0.0.1:7000            | ''     | 10.0.0.1      | 7000",
        "10.0.0.1                 | ''     | 10.0.0.1      | 7946",
        "[::1]:7001               | ''     | ::1           | 7001",
        "[fd00::5]                | ''     | fd00::5       | 7946",
        "fd00::5                  | ''     | fd00::5       | 7946",
        "node-a/10.0.0.2:7002     | node-a | 10.0.0.2      | 7002",
        "' seed.local:9 '         | ''     | seed.local    | 9"})
    void readsEverySeedFormGoAccepts(String seed, String name, String host, int port) {
        SeedAddress parsed = SeedAddress.parse(seed, 7946);

        assertThat(parsed).isEqualTo(new SeedAddress(name.isEmpty() ? Optional.empty() : Optional.of(name), host, port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/10.0.0.1", "host:port", "host:70000", "[::1", "[::1]x"})
    void rejectsMalformedSeeds(String seed) {
        assertThatThrownBy(() -> SeedAddress.parse(seed, 7946)).isInstanceOf(IllegalArgumentException.class);
    }
}
