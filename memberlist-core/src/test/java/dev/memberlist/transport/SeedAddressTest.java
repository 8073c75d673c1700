package dev.memberlist.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1 | 7000 | 10.0.0.1:7000",
        "::1      | 7001 | [0:0:0:0:0:0:0:1]:7001"})
    void formatsAddressesAsGoJoinsHostAndPortAndReadsThemBack(String ip, int port, String text)
            throws UnknownHostException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(ip), port);

        assertThat(SeedAddress.format(address)).isEqualTo(text);
        SeedAddress parsed = SeedAddress.parse(text, 0);
        assertThat(new InetSocketAddress(InetAddress.getByName(parsed.host()), parsed.port())).isEqualTo(address);
    }

    @Test
    void formatsAnUnresolvedAddressWithItsHostName() {
        assertThat(SeedAddress.format(InetSocketAddress.createUnresolved("seed.local", 9))).isEqualTo("seed.local:9");
    }
}
