package dev.memberlist.spring.autoconfigure;

import dev.memberlist.MemberlistConfig;
import dev.memberlist.Telemetry;
import dev.memberlist.delegate.CompositeDelegate;
import dev.memberlist.spring.MemberlistTelemetry;
import dev.memberlist.spring.event.EventPublishingDelegate;

import java.util.ArrayList;
import java.util.List;

/**
 * The configuration a node of the starter runs with: the {@code MemberlistConfig} bean (built from
 * properties, or the application's own) plus what the starter observes through it, application
 * events and the starter's {@link MemberlistTelemetry}. The bean's delegates and telemetry are
 * called first.
 */
final class ObservedConfig {

    private ObservedConfig() {
    }

    static MemberlistConfig of(MemberlistConfig config, EventPublishingDelegate events,
            List<MemberlistTelemetry> starterTelemetry) {
        CompositeDelegate own = config.delegates();
        FanOutDelegate fanOut = new FanOutDelegate(List.of(own, events), List.of(own, events));
        CompositeDelegate observed = own.toBuilder().delegate(new PublishingDelegate(own, events))
                .events(fanOut).conflict(fanOut).build();
        List<Telemetry> telemetry = new ArrayList<>();
        if (config.telemetry() != Telemetry.NOOP) {
            telemetry.add(config.telemetry());
        }
        telemetry.addAll(starterTelemetry);
        return config.toBuilder().delegates(observed).telemetry(CompositeTelemetry.of(telemetry)).build();
    }
}
