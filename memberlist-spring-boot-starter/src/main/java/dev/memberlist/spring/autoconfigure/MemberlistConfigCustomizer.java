package dev.memberlist.spring.autoconfigure;

import dev.memberlist.MemberlistConfig;

/**
 * Callback that customizes the {@link MemberlistConfig} after the {@code memberlist.*} properties
 * and the delegate beans were applied, for anything properties cannot express (a custom
 * {@code disableTcpPingsForNode} predicate, a ping delegate, a keyring shared with other code).
 * Customizers run in {@link org.springframework.core.Ordered order}.
 *
 * <p>Setting all delegates at once with {@link MemberlistConfig.Builder#delegates} replaces the
 * starter's event publishing; set single parts instead.
 */
@FunctionalInterface
public interface MemberlistConfigCustomizer {
    /**
     * Customizes the configuration before it is built and validated.
     *
     * @param builder the builder, holding the preset, properties and delegates
     */
    void customize(MemberlistConfig.Builder builder);
}
