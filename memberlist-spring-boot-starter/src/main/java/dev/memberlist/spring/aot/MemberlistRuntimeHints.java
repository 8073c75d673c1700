package dev.memberlist.spring.aot;

import dev.memberlist.spring.MemberCounts;
import dev.memberlist.spring.actuate.endpoint.KeyringDescriptor;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

import java.util.List;

/**
 * Runtime hints for a native image: what memberlist and the starter load or call reflectively.
 * <ul>
 * <li>the Netty transport's epoll flavour, looked up by name so that NIO-only classpaths never
 * touch it ({@code EpollMode.createIfAvailable}, {@code io.netty.channel.epoll.Epoll}), and the
 * channel classes of both flavours, which Netty's bootstraps instantiate reflectively;</li>
 * <li>{@code Thread.ofVirtual()} and {@code Thread.Builder}, looked up at run time for the events'
 * consumer thread on Java 21 and later;</li>
 * <li>{@link MemberCounts}, serialized to JSON in the health indicator's details, and
 * {@link KeyringDescriptor}, in the operations endpoint's answers: both sit in maps, where Boot's
 * endpoint hints do not see them.</li>
 * </ul>
 * Types missing from the classpath are skipped by the native-image builder.
 */
public final class MemberlistRuntimeHints implements RuntimeHintsRegistrar {
    /** Loaded by name by the Netty transport. */
    static final String EPOLL_MODE = "dev.memberlist.transport.netty.EpollMode";

    /** Checked by name by the Netty transport before it loads {@link #EPOLL_MODE}. */
    static final String EPOLL = "io.netty.channel.epoll.Epoll";

    /** Instantiated through their public no-argument constructors by Netty's bootstraps. */
    static final List<String> CHANNELS = List.of("io.netty.channel.epoll.EpollDatagramChannel",
            "io.netty.channel.epoll.EpollServerSocketChannel", "io.netty.channel.epoll.EpollSocketChannel",
            "io.netty.channel.socket.nio.NioDatagramChannel", "io.netty.channel.socket.nio.NioServerSocketChannel",
            "io.netty.channel.socket.nio.NioSocketChannel");

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.reflection().registerType(TypeReference.of(EPOLL_MODE),
                type -> type.withMethod("createIfAvailable", List.of(), ExecutableMode.INVOKE));
        hints.reflection().registerType(TypeReference.of(EPOLL));
        for (String channel : CHANNELS) {
            hints.reflection().registerType(TypeReference.of(channel), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
        }
        hints.reflection().registerType(Thread.class,
                type -> type.withMethod("ofVirtual", List.of(), ExecutableMode.INVOKE));
        hints.reflection().registerType(TypeReference.of("java.lang.Thread$Builder"), type -> type
                .withMethod("name", List.of(TypeReference.of(String.class)), ExecutableMode.INVOKE)
                .withMethod("unstarted", List.of(TypeReference.of(Runnable.class)),
                        ExecutableMode.INVOKE));
        new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), MemberCounts.class,
                KeyringDescriptor.class);
    }
}
