package dev.memberlist.state;

import dev.memberlist.NodeState;
import dev.memberlist.ProtocolVersions;
import dev.memberlist.sim.SimulatedScheduler;
import dev.memberlist.wire.Alive;
import dev.memberlist.wire.Bytes;
import dev.memberlist.wire.Dead;
import dev.memberlist.wire.PushNodeState;
import dev.memberlist.wire.Suspect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipTest {

    private static final Bytes VSN = Versions.toBytes(ProtocolVersions.advertised(2, 0, 0, 0));
    private static final Bytes ADDR_SELF = Bytes.fromHex("0a000001");
    private static final Bytes ADDR_B = Bytes.fromHex("0a000002");
    private static final Bytes ADDR_C = Bytes.fromHex("0a000003");
    private static final Bytes ADDR_OTHER = Bytes.fromHex("0a0000ff");

    private final SimulatedScheduler scheduler = new SimulatedScheduler();
    private final NodeTable table = new NodeTable();
    private final RecordingMembershipListener listener = new RecordingMembershipListener();
    private Membership membership;

    @BeforeEach
    void announceSelf() {
        membership = membership(Duration.ZERO);
        membership.announceLocal(ADDR_SELF, 7946, Bytes.NIL, ProtocolVersions.advertised(2, 0, 0, 0), null);
        listener.broadcasts.clear();
        listener.broadcastNames.clear();
        listener.events.clear();
    }

    // Go: TestMemberList_AliveNode_NewNode
    @Test
    void aliveForANewNodeAddsItAliveAndReportsAJoin() {
        membership.aliveNode(alive("b", 1, ADDR_B, "meta"), null, false);

        assertThat(record("b").state()).isEqualTo(NodeState.ALIVE);
        assertThat(record("b").incarnation()).isEqualTo(1);
        assertThat(listener.events).containsExactly("join b");
        assertThat(listener.broadcasts).hasSize(1);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void aliveWithIncarnationZeroForANewNodeLeavesItDead() {
        membership.aliveNode(alive("b", 0, ADDR_B, ""), null, false);

        assertThat(record("b").state()).isEqualTo(NodeState.DEAD);
        assertThat(listener.events).isEmpty();
        assertThat(listener.broadcasts).isEmpty();
    }

    // Go: TestMemberList_AliveNode_SuspectNode
    @Test
    void aliveWithHigherIncarnationOverridesSuspectWithoutAJoinEvent() {
        membership.aliveNode(alive("b", 1, ADDR_B, ""), null, false);
        membership.suspectNode(new Suspect(1, "b", "c"));
        listener.events.clear();

        membership.aliveNode(alive("b", 2, ADDR_B, ""), null, false);

        assertThat(record("b").state()).isEqualTo(NodeState.ALIVE);
        assertThat(listener.events).isEmpty();
    }

    // Go: TestMemberList_AliveNode_Idempotent
    @Test
    void aliveWithTheSameIncarnationIsIgnored() {
        membership.aliveNode(alive("b", 1, ADDR_B, ""), null, false);
        listener.broadcasts.clear();

        membership.aliveNode(alive("b", 1, ADDR_B, ""), null, false);

        assertThat(listener.broadcasts).isEmpty();
        assertThat(listener.events).containsExactly("join b");
    }

    // Go: TestMemberList_AliveNode_ChangeMeta
    @Test
    void aliveWithNewMetadataReportsAnUpdate() {
        membership.aliveNode(alive("b", 1, ADDR_B, "v1"), null, false);
        membership.aliveNode(alive("b", 2, ADDR_B, "v2"), null, false);

        assertThat(record("b").meta()).isEqualTo(Bytes.copyOf("v2".getBytes()));
        assertThat(listener.events).containsExactly("join b", "update b");
    }

    // Go: TestMemberList_AliveNode_Refute
    @Test
    void aliveAboutSelfWithOtherMetadataIsRefutedWithANewIncarnation() {
        long before = membership.local().incarnation();

        membership.aliveNode(alive("self", before, ADDR_SELF, "forged"), null, false);

        assertThat(membership.local().incarnation()).isEqualTo(before + 1);
        assertThat(listener.refutations).isEqualTo(1);
        assertThat(listener.broadcasts).singleElement().isInstanceOfSatisfying(Alive.class,
                a -> assertThat(a.incarnation()).isEqualTo(before + 1));
    }

    // Go: TestMemberList_AliveNode_Conflict
    @Test
    void aliveFromAnotherAddressForALiveNodeIsAConflict() {
        membership.aliveNode(alive("b", 1, ADDR_B, ""), null, false);

        membership.aliveNode(alive("b", 2, ADDR_OTHER, ""), null, false);

        assertThat(record("b").addr()).isEqualTo(ADDR_B);
        assertThat(listener.events).containsExactly("join b", "conflict b");
    }

    @Test
    void aliveFromAnotherAddressTakesOverALeftNode() {
        membership.aliveNode(alive("b", 5, ADDR_B, ""), null, false);
        membership.deadNode(new Dead(5, "b", "b"));

        membership.aliveNode(alive("b", 1, ADDR_OTHER, ""), null, false);

        assertThat(record("b").state()).isEqualTo(NodeState.ALIVE);
        assertThat(record("b").addr()).isEqualTo(ADDR_OTHER);
        assertThat(listener.events).containsExactly("join b", "left b", "join b");
    }

    @Test
    void aliveFromAnotherAddressTakesOverADeadNodeOnlyAfterTheReclaimTime() {
        membership = membership(Duration.ofSeconds(10));
        membership.announceLocal(ADDR_SELF, 7946, Bytes.NIL, ProtocolVersions.advertised(2, 0, 0, 0), null);
        membership.aliveNode(alive("b", 5, ADDR_B, ""), null, false);
        membership.deadNode(new Dead(5, "b", "c"));

        membership.aliveNode(alive("b", 1, ADDR_OTHER, ""), null, false);
        assertThat(record("b").state()).isEqualTo(NodeState.DEAD);

        scheduler.runFor(Duration.ofSeconds(11));
        membership.aliveNode(alive("b", 1, ADDR_OTHER, ""), null, false);
        assertThat(record("b").state()).isEqualTo(NodeState.ALIVE);
        assertThat(record("b").addr()).isEqualTo(ADDR_OTHER);
    }

    @Test
    void aliveWithImplausibleVersionsIsIgnored() {
        membership.aliveNode(new Alive(1, "b", ADDR_B, 7946, Bytes.NIL, Bytes.fromHex("000502000000")), null, false);

        assertThat(table.get("b")).isEmpty();
    }

    @Test
    void vetoedAliveIsIgnored() {
        listener.veto = candidate -> Optional.of("not welcome");

        membership.aliveNode(alive("b", 1, ADDR_B, ""), null, false);

        assertThat(table.get("b")).isEmpty();
    }

    @Test
    void recordsKeepTheNameAddressAndVersionsTheyHoldAcrossRepeatedAlives() {
        String decodedName = new String("b".toCharArray());
        membership.aliveNode(new Alive(1, decodedName, Bytes.fromHex("0a000002"), 7946, Bytes.NIL, VSN), null, false);
        NodeRecord first = record("b");

        membership.aliveNode(new Alive(2, new String("b".toCharArray()), Bytes.fromHex("0a000002"), 7946, Bytes.NIL,
                Bytes.fromHex(VSN.toHex())), null, false);
        NodeRecord second = record("b");

        assertThat(second.incarnation()).isEqualTo(2);
        assertThat(first.name()).isEqualTo("b").isSameAs("b".intern());
        assertThat(second.name()).isSameAs(first.name());
        assertThat(second.addr()).isSameAs(first.addr());
        assertThat(second.versions()).isSameAs(first.versions());
        assertThat(listener.broadcastNames).containsExactly(first.name(), first.name())
                .allSatisfy(name -> assertThat(name).isSameAs(first.name()));
    }

    @Test
    void aliveFromADisallowedAddressIsIgnored() {
        listener.addressFilter = candidate -> !candidate.addr().equals(ADDR_B);

        membership.aliveNode(alive("b", 1, ADDR_B, ""), null, false);

        assertThat(table.get("b")).isEmpty();
    }

    // Go: TestMemberList_SuspectNode_NoNode
    @Test
    void suspectAboutAnUnknownNodeIsIgnored() {
        membership.suspectNode(new Suspect(1, "nobody", "c"));

        assertThat(listener.broadcasts).isEmpty();
    }

    // Go: TestMemberList_SuspectNode
    @Test
    void suspectMarksTheNodeAndDeclaresItDeadWhenTheTimerRunsOut() {
        membership.aliveNode(alive("b", 1, ADDR_B, ""), null, false);

        membership.suspectNode(new Suspect(1, "b", "c"));

        assertThat(record("b").state()).isEqualTo(NodeState.SUSPECT);
        assertThat(listener.events).containsExactly("join b", "suspect b");
        // Two nodes: no confirmations expected, so the minimum timeout applies: 4 × 1 s.
        scheduler.runFor(Duration.ofMillis(3999));
        assertThat(record("b").state()).isEqualTo(NodeState.SUSPECT);
        scheduler.runFor(Duration.ofMillis(1));
        assertThat(record("b").state()).isEqualTo(NodeState.DEAD);
        assertThat(listener.events).containsExactly("join b", "suspect b", "dead b");
    }

    // Go: TestMemberList_SuspectNode_DoubleSuspect
    @Test
    void repeatedSuspicionFromTheSameAccuserIsNotRebroadcast() {
        membership.aliveNode(alive("b", 1, ADDR_B, ""), null, false);
        membership.suspectNode(new Suspect(1, "b", "c"));
        listener.broadcasts.clear();

        membership.suspectNode(new Suspect(1, "b", "c"));

        assertThat(listener.broadcasts).isEmpty();
    }

    // Go: TestMemberList_SuspectNode_OldSuspect
    @Test
    void suspectWithAnOlderIncarnationIsIgnored() {
        membership.aliveNode(alive("b", 10, ADDR_B, ""), null, false);

        membership.suspectNode(new Suspect(1, "b", "c"));

        assertThat(record("b").state()).isEqualTo(NodeState.ALIVE);
    }

    // Go: TestMemberList_SuspectNode_Refute
    @Test
    void suspectAboutSelfIsRefutedWithANewIncarnation() {
        long before = membership.local().incarnation();

        membership.suspectNode(new Suspect(before + 3, "self", "c"));

        assertThat(membership.local().state()).isEqualTo(NodeState.ALIVE);
        assertThat(membership.local().incarnation()).isEqualTo(before + 4);
        assertThat(listener.refutations).isEqualTo(1);
    }

    @Test
    void suspectAboutSelfAtTheLargestIncarnationWrapsTheRefutationToZeroAsGoDoes() {
        membership.suspectNode(new Suspect(0xffff_ffffL, "self", "c"));

        assertThat(membership.local().state()).isEqualTo(NodeState.ALIVE);
        assertThat(membership.local().incarnation()).isZero();
        assertThat(listener.broadcasts).singleElement().isInstanceOfSatisfying(Alive.class,
                a -> assertThat(a.incarnation()).isZero());

        membership.announceLocal(ADDR_SELF, 7946, Bytes.NIL, ProtocolVersions.advertised(2, 0, 0, 0), null);
        assertThat(membership.local().incarnation()).as("the counter goes on from the wrapped value").isEqualTo(1);
    }

    @Test
    void deadAboutSelfAtTheLargestIncarnationWrapsTheRefutationToZeroAsGoDoes() {
        membership.deadNode(new Dead(0xffff_ffffL, "self", "c"));

        assertThat(membership.local().state()).isEqualTo(NodeState.ALIVE);
        assertThat(membership.local().incarnation()).isZero();
    }

    @Test
    void confirmationsShortenTheSuspicionTimeout() {
        for (int i = 0; i < 9; i++) {
            membership.aliveNode(alive("n" + i, 1, Bytes.fromHex("0a0001" + String.format("%02x", i)), ""), null, false);
        }
        // Ten nodes: k = 2 confirmations expected, min 4 s, max 24 s.
        membership.suspectNode(new Suspect(1, "n0", "n1"));
        scheduler.runFor(Duration.ofSeconds(5));
        assertThat(record("n0").state()).isEqualTo(NodeState.SUSPECT);

        listener.broadcasts.clear();
        membership.suspectNode(new Suspect(1, "n0", "n2"));
        membership.suspectNode(new Suspect(1, "n0", "n3"));
        assertThat(listener.broadcasts).as("each new confirmation is re-broadcast").hasSize(2);

        scheduler.runFor(Duration.ZERO);
        assertThat(record("n0").state()).as("with k confirmations the 4 s minimum has passed").isEqualTo(NodeState.DEAD);
    }

    @Test
    void suspicionExpiringWithoutConfirmationsIsReportedAsDegraded() {
        for (int i = 0; i < 9; i++) {
            membership.aliveNode(alive("n" + i, 1, Bytes.fromHex("0a0001" + String.format("%02x", i)), ""), null, false);
        }
        membership.suspectNode(new Suspect(1, "n0", "n1"));

        scheduler.runFor(Duration.ofSeconds(24));

        assertThat(record("n0").state()).isEqualTo(NodeState.DEAD);
        assertThat(listener.events).contains("degraded n0");
    }

    @Test
    void refutationCancelsTheSuspicion() {
        membership.aliveNode(alive("b", 1, ADDR_B, ""), null, false);
        membership.suspectNode(new Suspect(1, "b", "c"));

        membership.aliveNode(alive("b", 2, ADDR_B, ""), null, false);
        scheduler.runFor(Duration.ofSeconds(30));

        assertThat(record("b").state()).isEqualTo(NodeState.ALIVE);
    }

    // Go: TestMemberList_DeadNodeLeft
    @Test
    void deadFromTheNodeItselfMeansItLeft() {
        membership.aliveNode(alive("b", 1, ADDR_B, ""), null, false);

        membership.deadNode(new Dead(1, "b", "b"));

        assertThat(record("b").state()).isEqualTo(NodeState.LEFT);
        assertThat(listener.events).containsExactly("join b", "left b");
    }

    // Go: TestMemberList_DeadNode, TestMemberList_DeadNode_Double
    @Test
    void deadMarksTheNodeDeadOnce() {
        membership.aliveNode(alive("b", 1, ADDR_B, ""), null, false);

        membership.deadNode(new Dead(1, "b", "c"));
        membership.deadNode(new Dead(1, "b", "c"));

        assertThat(record("b").state()).isEqualTo(NodeState.DEAD);
        assertThat(listener.events).containsExactly("join b", "dead b");
    }

    // Go: TestMemberList_DeadNode_OldDead
    @Test
    void deadWithAnOlderIncarnationIsIgnored() {
        membership.aliveNode(alive("b", 10, ADDR_B, ""), null, false);

        membership.deadNode(new Dead(1, "b", "c"));

        assertThat(record("b").state()).isEqualTo(NodeState.ALIVE);
    }

    // Go: TestMemberList_DeadNode_AliveReplay
    @Test
    void replayedAliveAfterDeathIsIgnored() {
        membership.aliveNode(alive("b", 10, ADDR_B, ""), null, false);
        membership.deadNode(new Dead(10, "b", "c"));

        membership.aliveNode(alive("b", 10, ADDR_B, ""), null, false);

        assertThat(record("b").state()).isEqualTo(NodeState.DEAD);
    }

    // Go: TestMemberList_DeadNode_Refute
    @Test
    void deadAboutSelfIsRefuted() {
        long before = membership.local().incarnation();

        membership.deadNode(new Dead(before, "self", "c"));

        assertThat(membership.local().state()).isEqualTo(NodeState.ALIVE);
        assertThat(membership.local().incarnation()).isEqualTo(before + 1);
    }

    @Test
    void leaveMarksSelfLeftAndIgnoresLaterAlivesAboutSelf() {
        membership.leave(() -> { });

        assertThat(membership.local().state()).isEqualTo(NodeState.LEFT);
        assertThat(listener.finishers).hasSize(1);
        membership.aliveNode(alive("self", 100, ADDR_SELF, ""), null, false);
        assertThat(membership.local().state()).isEqualTo(NodeState.LEFT);
    }

    // Go: TestMemberList_MergeState
    @Test
    void mergeTrustsRemoteAliveAndLeftButOnlySuspectsRemoteDeath() {
        membership.aliveNode(alive("b", 1, ADDR_B, ""), null, false);
        membership.aliveNode(alive("c", 1, ADDR_C, ""), null, false);

        membership.merge(List.of(
                entry("b", 2, ADDR_B, PushNodeState.STATE_DEAD),
                entry("c", 2, ADDR_C, PushNodeState.STATE_LEFT),
                entry("d", 1, ADDR_OTHER, PushNodeState.STATE_ALIVE),
                entry("e", 1, Bytes.fromHex("0a0000fe"), PushNodeState.STATE_SUSPECT)));

        assertThat(record("b").state()).isEqualTo(NodeState.SUSPECT);
        assertThat(record("c").state()).isEqualTo(NodeState.LEFT);
        assertThat(record("d").state()).isEqualTo(NodeState.ALIVE);
        assertThat(table.get("e")).as("unknown suspect nodes are not added").isEmpty();
    }

    private Membership membership(Duration reclaim) {
        return new Membership(new MembershipSettings("self", 4, 6, Duration.ofSeconds(1).toNanos(), reclaim.toNanos()),
                table, scheduler, scheduler.forNode("self"), new SplittableRandom(1), listener);
    }

    private NodeRecord record(String name) {
        return table.get(name).orElseThrow();
    }

    private static Alive alive(String name, long incarnation, Bytes addr, String meta) {
        return new Alive(incarnation, name, addr, 7946, meta.isEmpty() ? Bytes.NIL : Bytes.copyOf(meta.getBytes()), VSN);
    }

    private static PushNodeState entry(String name, long incarnation, Bytes addr, int state) {
        return new PushNodeState(name, addr, 7946, Bytes.NIL, incarnation, state, VSN);
    }
}
