/**
 * Auto-configuration of the memberlist health indicator.
 */
@NullMarked
package dev.memberlist.spring.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
