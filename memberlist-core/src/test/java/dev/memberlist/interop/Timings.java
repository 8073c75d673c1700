package dev.memberlist.interop;

import dev.memberlist.MemberlistConfig;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * One set of protocol timings, given to Go nodes as gopeer flags and to Java nodes as configuration,
 * so both sides of a mixed cluster probe, gossip and push/pull alike.
 *
 * @param goPreset gopeer's {@code -config} preset
 * @param javaPreset the same preset on the Java side
 * @param probeInterval how often each node probes another
 * @param probeTimeout how long a direct probe waits for its ack
 * @param gossipInterval how often each node gossips
 * @param pushPullInterval how often each node runs a full state exchange
 */
public record Timings(String goPreset, Supplier<MemberlistConfig.Builder> javaPreset, Duration probeInterval,
               Duration probeTimeout, Duration gossipInterval, Duration pushPullInterval) {

    /** Go's local preset, five times faster: a crash is declared within about two seconds. */
    public static final Timings FAST = new Timings("local", MemberlistConfig::local, Duration.ofMillis(200),
            Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofSeconds(2));

    /** Go's LAN preset as deployed, with push/pull every 5 s instead of 30 s so a soak runs many. */
    public static final Timings LAN = new Timings("lan", MemberlistConfig::lan, Duration.ofSeconds(1),
            Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofSeconds(5));

    /** @return the gopeer flags for these timings */
    public List<String> goFlags() {
        return List.of("-config", goPreset,
                "-probe-interval", goDuration(probeInterval),
                "-probe-timeout", goDuration(probeTimeout),
                "-gossip-interval", goDuration(gossipInterval),
                "-pushpull-interval", goDuration(pushPullInterval));
    }

    /** @return a Java configuration builder with these timings */
    MemberlistConfig.Builder javaConfig() {
        return javaPreset.get()
                .probeInterval(probeInterval)
                .probeTimeout(probeTimeout)
                .gossipInterval(gossipInterval)
                .pushPullInterval(pushPullInterval);
    }

    private static String goDuration(Duration duration) {
        return duration.toMillis() + "ms";
    }
}
