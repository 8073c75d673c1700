/**
 * Kubernetes discovery: an {@link dev.memberlist.transport.AddressResolver} that asks the Kubernetes
 * API (through the fabric8 client, an optional dependency) for the pods of the cluster.
 */
@NullMarked
package dev.memberlist.spring.kubernetes;

import org.jspecify.annotations.NullMarked;
