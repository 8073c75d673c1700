/**
 * The {@code memberlist} actuator endpoint.
 */
@NullMarked
package dev.memberlist.spring.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
