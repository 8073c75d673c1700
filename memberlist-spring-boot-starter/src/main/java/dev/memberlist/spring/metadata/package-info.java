/**
 * Node metadata as URL-encoded {@code key=value} text: how the starter encodes {@code memberlist.meta}.
 */
@NullMarked
package dev.memberlist.spring.metadata;

import org.jspecify.annotations.NullMarked;
