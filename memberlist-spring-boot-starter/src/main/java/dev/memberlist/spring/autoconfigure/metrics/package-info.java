/**
 * Auto-configuration of the memberlist meters.
 */
@NullMarked
package dev.memberlist.spring.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
