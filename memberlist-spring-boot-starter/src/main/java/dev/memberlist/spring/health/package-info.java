/**
 * The memberlist health indicator.
 */
@NullMarked
package dev.memberlist.spring.health;

import org.jspecify.annotations.NullMarked;
