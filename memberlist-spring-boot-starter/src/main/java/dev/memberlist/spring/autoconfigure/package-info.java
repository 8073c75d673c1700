/**
 * Auto-configuration of a memberlist node: {@link dev.memberlist.spring.autoconfigure.MemberlistProperties}
 * under {@code memberlist.*}, the {@link dev.memberlist.Memberlist} bean and its lifecycle, and
 * {@link dev.memberlist.spring.autoconfigure.MemberlistConfigCustomizer} for what properties cannot express.
 */
@NullMarked
package dev.memberlist.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
