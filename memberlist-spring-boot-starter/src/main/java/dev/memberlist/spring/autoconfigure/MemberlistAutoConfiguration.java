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
import dev.memberlist.spring.MemberlistTelemetry;
import dev.memberlist.spring.event.EventPublishingDelegate;
import dev.memberlist.spring.lifecycle.DiscoveredSeeds;
import dev.memberlist.spring.lifecycle.MemberlistLifecycle;
import dev.memberlist.spring.lifecycle.MemberlistNodeLifecycle;
import dev.memberlist.spring.lifecycle.SeedJoiner;
import dev.memberlist.spring.metadata.HttpPortMetadataPublisher;
import dev.memberlist.spring.metadata.LocalNodeMetadata;
import dev.memberlist.spring.tls.SslBundleStreamTls;
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
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Auto-configuration of a {@link Memberlist} node from {@link MemberlistProperties}, run by
 * {@link MemberlistNodeLifecycle} and {@link MemberlistLifecycle}, joining the seeds of
 * {@link JoinProperties} and of every {@link DiscoveredSeeds} bean, publishing
 * {@link dev.memberlist.spring.event.MemberlistEvent}s.
 *
 * <p>The node's metadata ({@link LocalNodeMetadata}) holds {@code memberlist.meta}, the service id
 * ({@code spring.application.name}) and the port the web server is bound to; it outlives restarts
 * of the node.
 *
 * <p>Application beans join the configuration built from properties: at most one each of
 * {@link Delegate} (messages, broadcasts, user state and, unless {@code memberlist.meta} is set,
 * metadata), {@link AliveDelegate}, {@link MergeDelegate}, {@link PingDelegate} and
 * {@link AddressResolver}; any number of {@link EventDelegate}s, {@link ConflictDelegate}s and
 * {@link Telemetry}s, each called in order; then every {@link MemberlistConfigCustomizer}.
 *
 * <p>Back-off: a {@link MemberlistConfig} bean of the application replaces the one built from
 * properties, and its node still gets events, meters and round-trip times. A {@link Memberlist} bean
 * of the application turns the whole starter off: the application runs that node itself. A
 * {@link Transport} bean replaces the Netty transport; it is started again after every stop of
 * the context, so it must support that (or be prototype-scoped).
 */
@AutoConfiguration
@ConditionalOnClass(Memberlist.class)
@ConditionalOnBooleanProperty(name = "memberlist.enabled", matchIfMissing = true)
@ConditionalOnMissingBean(Memberlist.class)
@EnableConfigurationProperties({ MemberlistProperties.class, JoinProperties.class })
public final class MemberlistAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    EventPublishingDelegate memberlistEventPublishingDelegate(ApplicationEventPublisher publisher,
            MemberlistProperties properties) {
        int capacity = properties.getEvents().getQueueCapacity();
        if (capacity < 1) {
            throw new InvalidConfigurationPropertyValueException("memberlist.events.queue-capacity", capacity,
                    "must be at least 1");
        }
        return new EventPublishingDelegate(publisher, capacity);
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
    MemberlistConfig memberlistConfig(MemberlistProperties properties, LocalNodeMetadata metadata,
            ObjectProvider<Delegate> delegate, ObjectProvider<EventDelegate> eventDelegates,
            ObjectProvider<ConflictDelegate> conflictDelegates, ObjectProvider<MergeDelegate> mergeDelegate,
            ObjectProvider<AliveDelegate> aliveDelegate, ObjectProvider<PingDelegate> pingDelegate,
            ObjectProvider<Telemetry> telemetry, ObjectProvider<AddressResolver> addressResolver,
            ObjectProvider<MemberlistConfigCustomizer> customizers, ObjectProvider<SslBundles> sslBundles) {
        MemberlistConfigFactory factory = new MemberlistConfigFactory(properties);
        MemberlistConfig.Builder builder = factory.builder();
        String tlsBundle = properties.getTls().getBundle();
        if (tlsBundle != null) {
            builder.streamTls(SslBundleStreamTls.of(sslBundles.getObject(), tlsBundle));
        }
        // An application Delegate that supplies metadata keeps doing so, unless memberlist.meta is set.
        builder.delegate(new ApplicationDelegate(metadata::encode, !properties.getMeta().isEmpty(),
                delegate.getIfAvailable(() -> new Delegate() { })));
        FanOutDelegate fanOut = new FanOutDelegate(
                eventDelegates.orderedStream().filter(bean -> !(bean instanceof EventPublishingDelegate)).toList(),
                conflictDelegates.orderedStream().filter(bean -> !(bean instanceof EventPublishingDelegate)).toList());
        builder.events(fanOut).conflict(fanOut);
        mergeDelegate.ifAvailable(builder::merge);
        aliveDelegate.ifAvailable(builder::alive);
        pingDelegate.ifAvailable(builder::ping);
        addressResolver.ifAvailable(builder::addressResolver);
        builder.telemetry(CompositeTelemetry.of(
                telemetry.orderedStream().filter(bean -> !(bean instanceof MemberlistTelemetry)).toList()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return factory.build(builder);
    }

    // Closed by its lifecycles and on context close; a restart makes a new transport.
    @Bean
    Memberlist memberlist(MemberlistConfig memberlistConfig, EventPublishingDelegate events,
            ObjectProvider<MemberlistTelemetry> starterTelemetry, ObjectProvider<Transport> transport) {
        MemberlistConfig config = ObservedConfig.of(memberlistConfig, events, starterTelemetry.orderedStream().toList());
        return Memberlist.prepareRestartable(config, () -> transport.getIfAvailable(() -> new NettyTransport(config)));
    }

    @Bean
    @ConditionalOnMissingBean
    MemberlistNodeLifecycle memberlistNodeLifecycle(Memberlist memberlist) {
        return new MemberlistNodeLifecycle(memberlist);
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
                    key.toLowerCase(Locale.ROOT).replaceAll("[-_.]", "").startsWith("memberlistencryptionsecretkeys"));
        }
    }
}
