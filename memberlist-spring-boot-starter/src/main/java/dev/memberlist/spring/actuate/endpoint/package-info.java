/**
 * The {@code memberlist} actuator endpoint (the cluster, read-only) and the {@code memberlistops}
 * endpoint (operations on the node, under Boot's endpoint access control).
 */
@NullMarked
package dev.memberlist.spring.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
