package dev.memberlist.bench.streams;

/**
 * One row of the table.
 *
 * @param setup the stream layer
 * @param members the push/pull's member count
 * @param requestBytes the request frame's size (the response is as large)
 * @param firstExchange the first exchange from a fresh node: connecting (and handshaking) included
 * @param steady one exchange after another on warm nodes
 * @param exchangesPerSecond with several exchanges in flight at once
 */
record StreamLatencyResult(StreamSetup setup, int members, int requestBytes, LatencySummary firstExchange,
                           LatencySummary steady, double exchangesPerSecond) {
}
