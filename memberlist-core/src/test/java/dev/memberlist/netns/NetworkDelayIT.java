package dev.memberlist.netns;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab's delay, measured: round trips of UDP datagrams and TCP requests between two hosts
 * ({@link RoundTripProbe} against an {@link EchoServer}) without delay, with delay on both hosts or
 * one, and after it is removed.
 */
class NetworkDelayIT {

    private static final int ROUND_TRIPS = 40;
    /** What a round trip between two lab hosts costs without delay, JVMs included (well under 1 ms measured). */
    private static final double UNDELAYED_MILLIS = 5;

    private NetworkLab lab;
    private LabEcho echo;

    @BeforeEach
    void makeLab() throws Exception {
        lab = NetworkLab.create("delay", 2);
        echo = LabEcho.start(lab.host(2));
    }

    @AfterEach
    void tearDown() {
        try {
            if (echo != null) {
                echo.close();
            }
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    @Test
    void fiftyMillisecondsGiveOrTakeTenEachWayMakeRoundTripsOfAboutOneHundredUntilRemoved() throws Exception {
        RoundTrips before = echo.measure(lab.host(1), ROUND_TRIPS);
        lab.delay(LinkDelay.uniform(Duration.ofMillis(50), Duration.ofMillis(10)));
        RoundTrips delayed = echo.measure(lab.host(1), ROUND_TRIPS);
        lab.delay(LinkDelay.NONE);
        RoundTrips after = echo.measure(lab.host(1), ROUND_TRIPS);
        System.out.printf("lab delay: without: %s%nlab delay: 50 ms ± 10 ms (uniform) each way: %s%n"
                + "lab delay: removed again: %s%n", before, delayed, after);

        assertThat(before.udpMedian()).as("UDP round trip without delay, ms").isLessThan(UNDELAYED_MILLIS);
        assertThat(delayed.udpLost()).as("UDP datagrams lost under delay").isZero();
        // Each way is drawn from 40..60 ms: a round trip is 80..120 ms, plus the hosts' own time.
        assertThat(delayed.udpMedian()).as("UDP round trip under delay, ms").isBetween(90.0, 130.0);
        // A busy machine can stretch a round trip, but nothing can make one shorter than the two draws.
        assertThat(delayed.udpMillis()).as("UDP round trips under delay, ms").allSatisfy(rtt -> assertThat(rtt).isGreaterThanOrEqualTo(80.0));
        assertThat(delayed.udpMillis()).as("UDP round trips vary under jitter").anySatisfy(rtt -> assertThat(rtt).isLessThan(95.0))
                .anySatisfy(rtt -> assertThat(rtt).isGreaterThan(105.0));
        assertThat(delayed.connectMillis()).as("TCP handshake under delay, ms").isGreaterThanOrEqualTo(80.0);
        assertThat(delayed.tcpMedian()).as("TCP round trip under delay, ms").isBetween(90.0, 130.0);
        assertThat(delayed.burstAnswers()).as("datagrams of a burst answered under delay").isEqualTo(ROUND_TRIPS);
        assertThat(delayed.burstOutOfOrder()).as("datagrams of a burst reordered by jitter").isZero();
        assertThat(after.udpLost()).as("UDP datagrams lost after the delay is removed").isZero();
        assertThat(after.udpMedian()).as("UDP round trip after the delay is removed, ms").isLessThan(UNDELAYED_MILLIS);
        assertThat(after.tcpMedian()).as("TCP round trip after the delay is removed, ms").isLessThan(UNDELAYED_MILLIS);
    }

    @Test
    void aNormalDelayOnOneHostDelaysOnlyWhatItSends() throws Exception {
        lab.delay(lab.host(1), LinkDelay.normal(Duration.ofMillis(30), Duration.ofMillis(5)));
        RoundTrips delayed = echo.measure(lab.host(1), ROUND_TRIPS);
        System.out.printf("lab delay: 30 ms, deviation 5 ms (normal), on h1 only: %s%n", delayed);

        assertThat(delayed.udpLost()).as("UDP datagrams lost under delay").isZero();
        assertThat(delayed.udpMedian()).as("UDP round trip, delayed one way, ms").isBetween(25.0, 40.0);
        assertThat(delayed.tcpMedian()).as("TCP round trip, delayed one way, ms").isBetween(25.0, 40.0);
    }
}
