/**
 * Transport security beyond Go memberlist: mutual TLS for streams ({@link dev.memberlist.transport.tls.StreamTls}),
 * set with {@code MemberlistConfig.Builder.streamTls}. Netty-free: the Netty transport applies it.
 */
package dev.memberlist.transport.tls;
