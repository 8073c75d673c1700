/**
 * Application events for membership changes, user messages and merged remote state, published
 * in order from one thread by {@link dev.memberlist.spring.event.EventPublishingDelegate}.
 */
@NullMarked
package dev.memberlist.spring.event;

import org.jspecify.annotations.NullMarked;
