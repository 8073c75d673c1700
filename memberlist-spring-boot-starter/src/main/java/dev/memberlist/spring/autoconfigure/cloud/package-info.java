/**
 * Auto-configuration of the memberlist {@code DiscoveryClient}, when Spring Cloud Commons is on the
 * class path.
 */
@NullMarked
package dev.memberlist.spring.autoconfigure.cloud;

import org.jspecify.annotations.NullMarked;
