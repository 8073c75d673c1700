package dev.memberlist.spring.aot;

import dev.memberlist.spring.MemberCounts;
import dev.memberlist.spring.actuate.endpoint.KeyringDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import static org.assertj.core.api.Assertions.assertThat;

class MemberlistRuntimeHintsTest {

    private final RuntimeHints hints = new RuntimeHints();

    MemberlistRuntimeHintsTest() {
        new MemberlistRuntimeHints().registerHints(hints, getClass().getClassLoader());
    }

    @Test
    void isRegisteredInAotFactories() {
        assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
                .hasAtLeastOneElementOfType(MemberlistRuntimeHints.class);
    }

    @Test
    void theTransportCanFindAndStartItsEpollFlavour() {
        assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(MemberlistRuntimeHints.EPOLL))).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(MemberlistRuntimeHints.EPOLL_MODE)))
                .accepts(hints);
        assertThat(hints.reflection().getTypeHint(TypeReference.of(MemberlistRuntimeHints.EPOLL_MODE)).methods())
                .anySatisfy(method -> assertThat(method.getName()).isEqualTo("createIfAvailable"));
        for (String channel : MemberlistRuntimeHints.CHANNELS) {
            assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(channel))
                    .withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).as(channel).accepts(hints);
        }
    }

    @Test
    void theNioChannelsNettyInstantiatesAreCovered() throws NoSuchMethodException {
        assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(
                io.netty.channel.socket.nio.NioDatagramChannel.class.getConstructor())).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(
                io.netty.channel.socket.nio.NioServerSocketChannel.class.getConstructor())).accepts(hints);
    }

    @Test
    void theEventsThreadCanBeVirtual() {
        // Thread.ofVirtual() does not exist on Java 17, so the predicate that resolves it cannot be used.
        assertThat(hints.reflection().getTypeHint(Thread.class).methods())
                .anySatisfy(method -> assertThat(method.getName()).isEqualTo("ofVirtual"));
        assertThat(hints.reflection().getTypeHint(TypeReference.of("java.lang.Thread$Builder")).methods())
                .extracting(method -> method.getName()).contains("name", "unstarted");
    }

    @Test
    void healthDetailsSerialize() {
        assertThat(RuntimeHintsPredicates.reflection().onType(MemberCounts.class)).accepts(hints);
    }

    @Test
    void keyFingerprintsOfTheOperationsEndpointSerialize() {
        assertThat(RuntimeHintsPredicates.reflection().onType(KeyringDescriptor.class)).accepts(hints);
    }
}
