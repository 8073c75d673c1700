/**
 * The lifecycle of the memberlist node in an application context: start and join after refresh,
 * leave and shut down on close.
 */
@NullMarked
package dev.memberlist.spring.lifecycle;

import org.jspecify.annotations.NullMarked;
