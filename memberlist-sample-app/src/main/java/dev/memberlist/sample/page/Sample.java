package dev.memberlist.sample.page;

import java.util.Map;

/**
 * One second of the cluster as the page charts it.
 *
 * @param atMillis when it was taken (epoch milliseconds)
 * @param healthScore the local node's Lifeguard health score (0 is healthy)
 * @param messagesInPerSecond protocol messages received per second since the previous sample
 * @param messagesOutPerSecond protocol messages sent per second
 * @param bytesInPerSecond bytes received per second, UDP and TCP
 * @param bytesOutPerSecond bytes sent per second
 * @param rttMillis each member's last probe round-trip time, for members probed so far
 */
record Sample(long atMillis, int healthScore, double messagesInPerSecond, double messagesOutPerSecond,
        double bytesInPerSecond, double bytesOutPerSecond, Map<String, Double> rttMillis) {
}
