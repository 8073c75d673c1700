package dev.memberlist.state;

import dev.memberlist.NodeState;
import dev.memberlist.ProtocolVersions;
import dev.memberlist.wire.Bytes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeTableTest {

    private final NodeTable table = new NodeTable();
    private final SplittableRandom random = new SplittableRandom(1);

    @Test
    void probesEveryLiveNodeOncePerPassSkippingSelfAndTheDead() {
        add("self", NodeState.ALIVE, 0);
        add("a", NodeState.ALIVE, 0);
        add("b", NodeState.SUSPECT, 0);
        add("c", NodeState.DEAD, 0);
        add("d", NodeState.LEFT, 0);

        Set<String> probed = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            probed.add(table.nextProbeTarget("self", 0, Long.MAX_VALUE, random, r -> { }).orElseThrow().name());
        }

        assertThat(probed).containsExactlyInAnyOrder("a", "b");
    }

    // Go: TestMemberList_ResetNodes
    @Test
    void reapsDeadAndLeftNodesOlderThanTheGossipToTheDeadTimeWhenThePassWraps() {
        add("self", NodeState.ALIVE, 0);
        add("a", NodeState.ALIVE, 0);
        add("old-dead", NodeState.DEAD, 0);
        add("old-left", NodeState.LEFT, 0);
        add("fresh-dead", NodeState.DEAD, 900);
        List<String> reaped = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            table.nextProbeTarget("self", 1000, 500, random, r -> reaped.add(r.name()));
        }

        assertThat(reaped).containsExactlyInAnyOrder("old-dead", "old-left");
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.get("old-dead")).isEmpty();
    }

    @Test
    void findsNoTargetWhenAloneOrAmongTheDead() {
        add("self", NodeState.ALIVE, 0);
        add("c", NodeState.DEAD, 0);

        Optional<NodeRecord> target = table.nextProbeTarget("self", 0, Long.MAX_VALUE, random, r -> { });

        assertThat(target).isEmpty();
    }

    // Go: TestKRandomNodes
    @Test
    void randomNodesAreDistinctEligibleAndAtMostK() {
        for (int i = 0; i < 90; i++) {
            add("n" + i, i % 3 == 0 ? NodeState.DEAD : NodeState.ALIVE, 0);
        }
        for (int round = 0; round < 50; round++) {
            List<NodeRecord> picked = table.randomNodes(3, r -> r.state() != NodeState.ALIVE, random);
            assertThat(picked).hasSize(3).allMatch(r -> r.state() == NodeState.ALIVE);
            assertThat(picked.stream().map(NodeRecord::name).distinct()).hasSize(3);
        }
        assertThat(table.randomNodes(5, r -> true, random)).isEmpty();
    }

    @Test
    void smallTablesYieldEveryEligibleNode() {
        add("a", NodeState.ALIVE, 0);
        add("b", NodeState.ALIVE, 0);
        add("c", NodeState.DEAD, 0);

        assertThat(table.randomNodes(3, r -> r.state() != NodeState.ALIVE, random)).extracting(NodeRecord::name)
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void refusesToInsertAKnownNameOrReplaceAnUnknownOne() {
        add("a", NodeState.ALIVE, 0);

        assertThatThrownBy(() -> add("a", NodeState.ALIVE, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> table.replace(record("z", NodeState.ALIVE, 0))).isInstanceOf(IllegalStateException.class);
    }

    private void add(String name, NodeState state, long changedAt) {
        table.insert(record(name, state, changedAt), random);
    }

    private static NodeRecord record(String name, NodeState state, long changedAt) {
        return new NodeRecord(name, Bytes.fromHex("0a000001"), 7946, Bytes.NIL, ProtocolVersions.advertised(2, 0, 0, 0),
                1, state, changedAt);
    }
}
