/**
 * Auto-configuration of the memberlist actuator endpoint.
 */
@NullMarked
package dev.memberlist.spring.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
