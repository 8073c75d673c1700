package dev.memberlist.spring.metrics;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.Telemetry;
import dev.memberlist.sim.SimCluster;
import dev.memberlist.spring.IsolatedTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MemberlistMetricsTest {

    private final Memberlist memberlist = Memberlist.prepare(MemberlistConfig.local().name("n1").build(),
            new IsolatedTransport());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void shutdown() {
        memberlist.shutdown();
    }

    @Test
    void gaugesReadTheNode() {
        new MemberlistMetrics(() -> memberlist, false).bindTo(registry);
        assertThat(registry.get("memberlist.members").tag("state", "alive").gauge().value()).isZero();

        memberlist.start();

        assertThat(registry.get("memberlist.members").tag("state", "alive").gauge().value()).isEqualTo(1);
        assertThat(registry.get("memberlist.members").tag("state", "dead").gauge().value()).isZero();
        assertThat(registry.get("memberlist.members").gauges()).hasSize(4);
        assertThat(registry.get("memberlist.health.score").gauge().value()).isZero();
    }

    @Test
    void telemetryFeedsCountersAndTimers() {
        MemberlistMetrics metrics = new MemberlistMetrics(() -> memberlist, false);
        metrics.bindTo(registry);

        metrics.messageSent("ping");
        metrics.messageSent("ping");
        metrics.messageReceived("ack");
        metrics.bytesSent("udp", 100);
        metrics.bytesReceived("tcp", 40);
        metrics.inputDropped("decrypt_failed");
        metrics.nodeSuspected("n2");
        metrics.nodeDeparted("n2", Telemetry.DepartureReason.FAILED);
        metrics.pushPullCompleted(true, false, Duration.ofMillis(30));
        metrics.probeRtt("n2", Duration.ofMillis(3));
        metrics.probeCompleted(Telemetry.ProbeOutcome.INDIRECT_ACK, Duration.ofMillis(600));
        metrics.degradedProbe();
        metrics.broadcastQueueDepth(12);

        assertThat(registry.get("memberlist.messages.sent").tag("type", "ping").counter().count()).isEqualTo(2);
        assertThat(registry.get("memberlist.messages.received").tag("type", "ack").counter().count()).isEqualTo(1);
        assertThat(registry.get("memberlist.bytes.sent").tag("transport", "udp").counter().count()).isEqualTo(100);
        assertThat(registry.get("memberlist.bytes.sent").counter().getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(registry.get("memberlist.bytes.received").tag("transport", "tcp").counter().count()).isEqualTo(40);
        assertThat(registry.get("memberlist.input.dropped").tag("reason", "decrypt_failed").counter().count()).isEqualTo(1);
        assertThat(registry.get("memberlist.suspicions").counter().count()).isEqualTo(1);
        assertThat(registry.get("memberlist.deaths").tag("reason", "failed").counter().count()).isEqualTo(1);
        assertThat(registry.get("memberlist.pushpull").tag("join", "true").tag("outcome", "failure").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("memberlist.probe.rtt").timer().count()).isEqualTo(1);
        assertThat(registry.get("memberlist.probe.rtt").timer().getId().getTag("node")).isNull();
        assertThat(registry.get("memberlist.probes").tag("outcome", "indirect_ack").timer().count()).isEqualTo(1);
        assertThat(registry.get("memberlist.degraded").tag("reason", "probe").counter().count()).isEqualTo(1);
        assertThat(registry.get("memberlist.broadcast.queue").gauge().value()).isEqualTo(12);
    }

    @Test
    void probeRoundTripTimerIsTaggedWithTheNodeOnlyWhenAskedFor() {
        MemberlistMetrics metrics = new MemberlistMetrics(() -> memberlist, true);
        metrics.bindTo(registry);

        metrics.probeRtt("n2", Duration.ofMillis(3));
        metrics.probeRtt("n3", Duration.ofMillis(5));

        assertThat(registry.get("memberlist.probe.rtt").timers()).hasSize(2);
        assertThat(registry.get("memberlist.probe.rtt").tag("node", "n3").timer().totalTime(
                TimeUnit.MILLISECONDS)).isEqualTo(5);
    }

    @Test
    void everyKindOfDroppedInputIsOneMeterTaggedWithTheReason() {
        MemberlistMetrics metrics = new MemberlistMetrics(() -> memberlist, false);
        metrics.bindTo(registry);

        metrics.inputDropped("truncated");
        metrics.inputDropped("too_many_streams");
        metrics.inputDropped("handoff_queue_full");
        metrics.inputDropped("address_not_allowed");

        assertThat(registry.get("memberlist.input.dropped").counters()).hasSize(4);
        assertThat(registry.get("memberlist.input.dropped").tag("reason", "too_many_streams").counter().count())
                .isEqualTo(1);
        assertThat(registry.find("memberlist.decode.errors").meters()).isEmpty();
    }

    @Test
    void perNodeRoundTripTimerIsRemovedWhenTheNodeIsForgotten() {
        SimpleMeterRegistry simulated = new SimpleMeterRegistry();
        SimCluster[] holder = new SimCluster[1];
        MemberlistMetrics metrics = new MemberlistMetrics(() -> holder[0].node("n0"), true);
        SimCluster cluster = SimCluster.builder().seed(71).nodes(3)
                .config(c -> c.gossipToTheDeadTime(Duration.ofSeconds(10)))
                .telemetry(name -> name.equals("n0") ? metrics : Telemetry.NOOP)
                .build();
        holder[0] = cluster;
        metrics.bindTo(simulated);
        cluster.joinAllToFirst();
        assertThat(cluster.awaitConvergence(Duration.ofSeconds(30))).as("%s converged", cluster).isTrue();
        cluster.runFor(Duration.ofSeconds(5));
        assertThat(simulated.find("memberlist.probe.rtt").tag("node", "n2").timer()).as("%s", cluster).isNotNull();

        cluster.crash("n2");
        // Declared dead within about 10 s, forgotten 10 s later at the next pass of the probe order.
        cluster.runFor(Duration.ofSeconds(40));

        assertThat(cluster.stateOf("n0", "n2")).as("%s: n2 forgotten", cluster).isEmpty();
        assertThat(simulated.find("memberlist.probe.rtt").tag("node", "n2").timer()).as("%s", cluster).isNull();
        assertThat(simulated.find("memberlist.probe.rtt").tag("node", "n1").timer()).as("%s", cluster).isNotNull();
    }

    @Test
    void suspicionsAndProbeRoundTripsAreListedBeforeTheFirstOne() {
        new MemberlistMetrics(() -> memberlist, false).bindTo(registry);

        assertThat(registry.get("memberlist.suspicions").counter().count()).isZero();
        assertThat(registry.get("memberlist.probe.rtt").timer().count()).isZero();
    }

    @Test
    void measurementsBeforeBindingAreNotRecorded() {
        MemberlistMetrics metrics = new MemberlistMetrics(() -> memberlist, false);
        metrics.messageSent("ping");

        metrics.bindTo(registry);

        assertThat(registry.find("memberlist.messages.sent").counter()).isNull();
    }
}
