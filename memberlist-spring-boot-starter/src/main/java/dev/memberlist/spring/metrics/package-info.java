/**
 * Micrometer meters of a memberlist node.
 */
@NullMarked
package dev.memberlist.spring.metrics;

import org.jspecify.annotations.NullMarked;
