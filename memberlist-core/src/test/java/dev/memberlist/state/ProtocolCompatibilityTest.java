package dev.memberlist.state;

import dev.memberlist.NodeState;
import dev.memberlist.ProtocolVersions;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.PushNodeState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolCompatibilityTest {

    private static final Bytes IPV4 = Bytes.fromHex("7f000001");

    // Go: TestVerifyProtocol. Each side is a list of min/max/current triples, used both as protocol
    // versions and as delegate versions, and checked in both directions.
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0 0 0; 0 0 0; true",
        "0 0 0; 0 1 0; true",
        "0 0 0; 1 1 1; false",
        "0 1 0, 0 2 1; 1 3 1; false",
        "0 3 2, 0 2 0; 0 2 1, 0 5 0; true"})
    void everyNodeMustSpeakAVersionEveryAliveNodeUnderstands(String local, String remote, boolean compatible) {
        for (boolean delegate : new boolean[] {false, true}) {
            assertThat(ProtocolCompatibility.check(remote(remote, delegate), local(local, delegate)).isEmpty())
                    .as("local %s, remote %s, delegate %s", local, remote, delegate).isEqualTo(compatible);
            assertThat(ProtocolCompatibility.check(remote(local, delegate), local(remote, delegate)).isEmpty())
                    .as("swapped: local %s, remote %s, delegate %s", remote, local, delegate).isEqualTo(compatible);
        }
    }

    private static List<NodeRecord> local(String triples, boolean delegate) {
        List<NodeRecord> records = new ArrayList<>();
        int i = 0;
        for (int[] v : parse(triples)) {
            records.add(new NodeRecord("local-" + i++, IPV4, 7946, Bytes.NIL, versions(v, delegate), 1,
                    NodeState.ALIVE, 0));
        }
        return records;
    }

    private static List<PushNodeState> remote(String triples, boolean delegate) {
        List<PushNodeState> entries = new ArrayList<>();
        int i = 0;
        for (int[] v : parse(triples)) {
            entries.add(new PushNodeState("remote-" + i++, IPV4, 7946, Bytes.NIL, 1, PushNodeState.STATE_ALIVE,
                    Versions.toBytes(versions(v, delegate))));
        }
        return entries;
    }

    private static ProtocolVersions versions(int[] v, boolean delegate) {
        return delegate ? new ProtocolVersions(0, 0, 0, v[0], v[1], v[2]) : new ProtocolVersions(v[0], v[1], v[2], 0, 0, 0);
    }

    private static List<int[]> parse(String triples) {
        List<int[]> parsed = new ArrayList<>();
        for (String triple : triples.split(",")) {
            String[] parts = triple.trim().split(" ");
            parsed.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])});
        }
        return parsed;
    }
}
