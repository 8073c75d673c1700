package dev.memberlist.spring;

import dev.memberlist.Telemetry;

/**
 * {@link Telemetry} of the starter itself (its meters, the endpoint's round-trip times): added to
 * every node the starter creates, whether from properties or from an application's
 * {@code MemberlistConfig} bean. An application's own {@code Telemetry} beans implement plain
 * {@link Telemetry}; they join the configuration built from properties.
 */
public interface MemberlistTelemetry extends Telemetry {
}
