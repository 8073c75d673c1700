/**
 * Auto-configuration of Kubernetes discovery, on when {@code memberlist.discovery.kubernetes.enabled=true}
 * and the fabric8 Kubernetes client is on the class path.
 */
@NullMarked
package dev.memberlist.spring.autoconfigure.kubernetes;

import org.jspecify.annotations.NullMarked;
