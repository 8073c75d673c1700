/**
 * JMH benchmarks of the wire codec: packet and stream round trips through
 * {@code dev.memberlist.wire}, LZW, and AES-GCM from {@code dev.memberlist.security}. Run them from
 * {@code target/benchmarks.jar}; BENCHMARKS.md at the repository root has the commands and results.
 */
package dev.memberlist.bench.codec;
