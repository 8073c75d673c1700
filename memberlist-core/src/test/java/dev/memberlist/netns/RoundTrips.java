package dev.memberlist.netns;

import java.util.ArrayList;
import java.util.List;

/**
 * Round trips timed by a {@link RoundTripProbe}, in milliseconds.
 *
 * @param udpMillis each answered UDP datagram's round trip
 * @param udpLost how many UDP datagrams went unanswered
 * @param connectMillis the TCP handshake
 * @param tcpMillis each TCP request's round trip
 * @param burstAnswers how many datagrams of a burst sent back to back came back
 * @param burstOutOfOrder how many of those came back after a later one
 */
record RoundTrips(List<Double> udpMillis, int udpLost, double connectMillis, List<Double> tcpMillis, int burstAnswers,
                  int burstOutOfOrder) {

    RoundTrips {
        udpMillis = List.copyOf(udpMillis);
        tcpMillis = List.copyOf(tcpMillis);
    }

    /**
     * @param output the probe's lines
     * @return what they say
     */
    static RoundTrips parse(List<String> output) {
        List<Double> udp = new ArrayList<>();
        List<Double> tcp = new ArrayList<>();
        int lost = 0;
        double connect = Double.NaN;
        int burstAnswers = 0;
        int burstOutOfOrder = 0;
        for (String line : output) {
            String[] words = line.split(" ");
            if (words.length != ("burst".equals(words[0]) ? 3 : 2)) {
                throw new IllegalArgumentException("not a probe line: " + line);
            }
            switch (words[0]) {
                case "udp" -> {
                    if ("lost".equals(words[1])) {
                        lost++;
                    } else {
                        udp.add(Long.parseLong(words[1]) / 1_000.0);
                    }
                }
                case "connect" -> connect = Long.parseLong(words[1]) / 1_000.0;
                case "tcp" -> tcp.add(Long.parseLong(words[1]) / 1_000.0);
                case "burst" -> {
                    burstAnswers = Integer.parseInt(words[1]);
                    burstOutOfOrder = Integer.parseInt(words[2]);
                }
                default -> throw new IllegalArgumentException("not a probe line: " + line);
            }
        }
        return new RoundTrips(udp, lost, connect, tcp, burstAnswers, burstOutOfOrder);
    }

    /** @return the median UDP round trip */
    double udpMedian() {
        return median(udpMillis);
    }

    /** @return the median TCP round trip */
    double tcpMedian() {
        return median(tcpMillis);
    }

    @Override
    public String toString() {
        return String.format("UDP median %.1f ms (min %.1f, max %.1f, %d of %d lost), TCP handshake %.1f ms, "
                        + "TCP median %.1f ms (min %.1f, max %.1f), burst of %d: %d back, %d out of order",
                udpMedian(), min(udpMillis), max(udpMillis), udpLost, udpMillis.size() + udpLost, connectMillis,
                tcpMedian(), min(tcpMillis), max(tcpMillis), udpMillis.size() + udpLost, burstAnswers, burstOutOfOrder);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
