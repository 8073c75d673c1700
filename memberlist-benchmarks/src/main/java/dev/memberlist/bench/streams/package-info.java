/**
 * The stream latency harness: push/pull exchanges between two Netty transports on loopback over TCP,
 * TCP with TLS and QUIC.
 */
package dev.memberlist.bench.streams;
