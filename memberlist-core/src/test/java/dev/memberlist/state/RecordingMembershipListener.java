package dev.memberlist.state;

import dev.memberlist.wire.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Records what {@link Membership} reports, for assertions. */
final class RecordingMembershipListener implements MembershipListener {

    final List<Message> broadcasts = new ArrayList<>();
    final List<String> broadcastNames = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final List<Runnable> finishers = new ArrayList<>();
    int refutations;
    Function<NodeRecord, Optional<String>> veto = candidate -> Optional.empty();
    Predicate<NodeRecord> addressFilter = candidate -> true;

    @Override
    public void broadcast(String node, Message message, Runnable onFinished) {
        broadcasts.add(message);
        broadcastNames.add(node);
        if (onFinished != null) {
            finishers.add(onFinished);
        }
    }

    @Override
    public Optional<String> vetoAlive(Supplier<NodeRecord> candidate) {
        return veto.apply(candidate.get());
    }

    @Override
    public boolean addressAllowed(NodeRecord candidate) {
        return addressFilter.test(candidate);
    }

    @Override
    public void refuted() {
        refutations++;
    }

    @Override
    public void joined(NodeRecord node) {
        events.add("join " + node.name());
    }

    @Override
    public void updated(NodeRecord node) {
        events.add("update " + node.name());
    }

    @Override
    public void suspected(NodeRecord node) {
        events.add("suspect " + node.name());
    }

    @Override
    public void left(NodeRecord node) {
        events.add(node.state().name().toLowerCase() + " " + node.name());
    }

    @Override
    public void degradedSuspicionTimeout(NodeRecord node) {
        events.add("degraded " + node.name());
    }

    @Override
    public void conflict(NodeRecord existing, NodeRecord other) {
        events.add("conflict " + existing.name());
    }
}
