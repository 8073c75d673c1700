package dev.memberlist.spring.autoconfigure;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.Telemetry;
import dev.memberlist.delegate.AliveDelegate;
import dev.memberlist.delegate.ConflictDelegate;
import dev.memberlist.delegate.Delegate;
import dev.memberlist.delegate.EventDelegate;
import dev.memberlist.delegate.MergeDelegate;
import dev.memberlist.delegate.PingDelegate;
import dev.memberlist.spring.event.EventPublishingDelegate;
import dev.memberlist.spring.lifecycle.DiscoveredSeeds;
import dev.memberlist.spring.lifecycle.MemberlistLifecycle;
import dev.memberlist.spring.lifecycle.SeedJoiner;
import dev.memberlist.spring.metadata.HttpPortMetadataPublisher;
import dev.memberlist.spring.metadata.LocalNodeMetadata;
import dev.memberlist.transport.AddressResolver;
import dev.memberlist.transport.Transport;
import dev.memberlist.transport.netty.NettyTransport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Auto-configuration of a {@link Memberlist} node from {@link MemberlistProperties}, started and
 * stopped by {@link MemberlistLifecycle}, joining the seeds of {@link JoinProperties} and of every
 * {@link DiscoveredSeeds} bean, publishing {@link dev.memberlist.spring.event.MemberlistEvent}s.
 *
 * <p>The node's metadata ({@link LocalNodeMetadata}) holds {@code memberlist.meta}, the service id
 * ({@code spring.application.name}) and the port the web server is bound to.
 *
 * <p>Application beans join the configuration: at most one each of {@link Delegate} (messages,
 * broadcasts, user state and, unless {@code memberlist.meta} is set, metadata), {@link AliveDelegate},
 * {@link MergeDelegate}, {@link PingDelegate} and {@link AddressResolver}; any number of
 * {@link EventDelegate}s, {@link ConflictDelegate}s and {@link Telemetry}s, each called in order;
 * then every {@link MemberlistConfigCustomizer}. A {@link Transport} bean replaces the Netty transport.
 */
@AutoConfiguration
@ConditionalOnClass(Memberlist.class)
@ConditionalOnBooleanProperty(name = "memberlist.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ MemberlistProperties.class, JoinProperties.class })
public final class MemberlistAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    EventPublishingDelegate memberlistEventPublishingDelegate(ApplicationEventPublisher publisher) {
        return new EventPublishingDelegate(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    LocalNodeMetadata memberlistLocalNodeMetadata(MemberlistProperties properties, Environment environment) {
        new MemberlistConfigFactory(properties).checkMetadata();
        LocalNodeMetadata metadata = new LocalNodeMetadata(properties.getMeta());
        metadata.publish(LocalNodeMetadata.SERVICE_ID, environment.getProperty("spring.application.name", "application"));
        return metadata;
    }

    @Bean
    @ConditionalOnMissingBean
    MemberlistConfig memberlistConfig(MemberlistProperties properties, EventPublishingDelegate events,
            LocalNodeMetadata metadata,
            ObjectProvider<Delegate> delegate, ObjectProvider<EventDelegate> eventDelegates,
            ObjectProvider<ConflictDelegate> conflictDelegates, ObjectProvider<MergeDelegate> mergeDelegate,
            ObjectProvider<AliveDelegate> aliveDelegate, ObjectProvider<PingDelegate> pingDelegate,
            ObjectProvider<Telemetry> telemetry, ObjectProvider<AddressResolver> addressResolver,
            ObjectProvider<MemberlistConfigCustomizer> customizers) {
        MemberlistConfigFactory factory = new MemberlistConfigFactory(properties);
        MemberlistConfig.Builder builder = factory.builder();
        Delegate application = delegate.getIfAvailable();
        // An application Delegate that supplies metadata keeps doing so, unless memberlist.meta is set.
        boolean applicationMetadata = application != null && properties.getMeta().isEmpty();
        builder.delegate(new ApplicationDelegate(applicationMetadata ? () -> new byte[0] : metadata::encode,
                application != null ? application : new Delegate() { }, events));
        FanOutDelegate fanOut = new FanOutDelegate(eventDelegates.orderedStream().toList(),
                conflictDelegates.orderedStream().toList());
        builder.events(fanOut).conflict(fanOut);
        mergeDelegate.ifAvailable(builder::merge);
        aliveDelegate.ifAvailable(builder::alive);
        pingDelegate.ifAvailable(builder::ping);
        addressResolver.ifAvailable(builder::addressResolver);
        builder.telemetry(CompositeTelemetry.of(telemetry.orderedStream().toList()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return factory.build(builder);
    }

    // The node closes its transport on shutdown.
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    Transport memberlistTransport(MemberlistConfig config) {
        return new NettyTransport(config);
    }

    @Bean
    @ConditionalOnMissingBean
    Memberlist memberlist(MemberlistConfig config, Transport transport) {
        return Memberlist.prepare(config, transport);
    }

    @Bean
    @ConditionalOnMissingBean
    MemberlistLifecycle memberlistLifecycle(Memberlist memberlist, MemberlistProperties properties, JoinProperties join,
            EventPublishingDelegate events, ObjectProvider<DiscoveredSeeds> discoveredSeeds) {
        new MemberlistConfigFactory(properties).checkLifecycleSettings();
        List<String> seeds = new ArrayList<>();
        if (join.isEnabled()) {
            seeds.addAll(join.getSeeds());
            discoveredSeeds.orderedStream().forEach(discovered -> seeds.addAll(discovered.seeds()));
        }
        return new MemberlistLifecycle(memberlist, new SeedJoiner(seeds, join.backoff(), events),
                properties.getLeaveTimeout());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebServerInitializedEvent.class)
    static class HttpPortMetadataConfiguration {

        @Bean
        @ConditionalOnMissingBean
        HttpPortMetadataPublisher memberlistHttpPortMetadataPublisher(LocalNodeMetadata metadata, Memberlist memberlist) {
            return new HttpPortMetadataPublisher(metadata, memberlist);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class SecretKeysSanitizingConfiguration {

        // For the env and configprops endpoints when they are set to show values.
        @Bean
        @ConditionalOnMissingBean(name = "memberlistSecretKeysSanitizingFunction")
        SanitizingFunction memberlistSecretKeysSanitizingFunction() {
            return SanitizingFunction.sanitizeValue().ifKeyMatches(key ->
                    key.toLowerCase(Locale.ROOT).replaceAll("[-_.]", "").startsWith("memberlistsecretkeys"));
        }
    }
}
