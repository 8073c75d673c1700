/**
 * The transport SPI: {@link dev.memberlist.transport.Transport} moves datagrams and streams, {@link
 * dev.memberlist.transport.AddressResolver} turns seeds into addresses. Public API for applications
 * that bring their own network layer or discovery.
 */
package dev.memberlist.transport;
