/**
 * Ahead-of-time support: runtime hints for what memberlist loads reflectively, for GraalVM
 * native images.
 */
@NullMarked
package dev.memberlist.spring.aot;

import org.jspecify.annotations.NullMarked;
