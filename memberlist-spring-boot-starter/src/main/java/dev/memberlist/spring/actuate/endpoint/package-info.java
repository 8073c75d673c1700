/**
 * The {@code memberlist} actuator endpoint (the cluster, read-only) and the {@code memberlistops}
 * endpoint (operations on the node, under Boot's endpoint access control, with a web extension that
 * tells HTTP clients why an operation was refused). Keys show only as fingerprints.
 */
@NullMarked
package dev.memberlist.spring.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
