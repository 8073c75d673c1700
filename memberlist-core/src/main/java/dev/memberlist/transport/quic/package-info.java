/**
 * Streams over QUIC (beyond Go, as in the Rust port): one mutually authenticated QUIC connection per
 * peer, a new bidirectional stream per push/pull, reliable message or fallback ping. Chosen with
 * {@link dev.memberlist.transport.StreamLayer#QUIC}; the Netty transport loads it by name, so the
 * QUIC libraries stay optional. Internal.
 */
package dev.memberlist.transport.quic;
