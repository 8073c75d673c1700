package dev.memberlist.bench.sidebyside;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeEventTest {

    @Test
    void parsesAnEventLineWithItsStampAndFields() {
        NodeEvent event = NodeEvent.parse(3,
                "{\"event\":\"join\",\"node\":\"n\\\"1\",\"addr\":\"127.0.0.1:40217\",\"meta\":null,\"t\":1700000000310}")
                .orElseThrow();

        assertThat(event.from()).isEqualTo(3);
        assertThat(event.name()).isEqualTo("join");
        assertThat(event.millis()).isEqualTo(1_700_000_000_310L);
        assertThat(event.node()).isEqualTo("n\"1");
        assertThat(event.text("meta")).isEmpty();
    }

    @Test
    void readsNumbersOfAStatsEvent() {
        NodeEvent stats = NodeEvent.parse(0,
                "{\"event\":\"stats\",\"udp_pkts\":12,\"udp_bytes\":900,\"cpu_ms\":-1,\"vsn\":[1,5,2],\"t\":5}")
                .orElseThrow();

        assertThat(stats.number("udp_pkts")).contains(12L);
        assertThat(stats.number("cpu_ms")).contains(-1L);
        assertThat(stats.number("tcp_bytes")).isEmpty();
        assertThat(stats.number("vsn")).isEmpty();
    }

    @Test
    void skipsLinesThatAreNotEvents() {
        assertThat(NodeEvent.parse(0, "SLF4J: Defaulting to no-operation (NOP) logger implementation")).isEmpty();
        assertThat(NodeEvent.parse(0, "{\"event\":\"join\"}")).isEmpty();
        assertThat(NodeEvent.parse(0, "{\"node\":\"a\",\"t\":1}")).isEmpty();
        assertThat(NodeEvent.parse(0, "{\"event\":\"join\",\"t\":1")).isEmpty();
        assertThat(NodeEvent.parse(0, "")).isEmpty();
    }
}
