package dev.memberlist.bench.sidebyside;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipViewsTest {

    @Test
    void convergesWhenEveryNodeSeesEveryNodeAtTheLastNodesStamp() {
        MembershipViews views = new MembershipViews(2);
        views.accept(event(0, "join", "n0", 100));
        views.accept(event(1, "join", "n1", 150));
        views.accept(event(0, "join", "n1", 400));
        assertThat(views.converged()).isFalse();
        assertThat(views.incomplete()).isEqualTo(1);
        assertThat(views.convergedAtMillis()).isEqualTo(-1);

        views.accept(event(1, "join", "n0", 380));

        assertThat(views.converged()).isTrue();
        assertThat(views.convergedAtMillis()).isEqualTo(400);
        assertThat(views.sees(1, "n0")).isTrue();
    }

    @Test
    void aLeaveUndoesANodesCompletionAndOtherEventsChangeNothing() {
        MembershipViews views = new MembershipViews(2);
        views.accept(event(0, "join", "n0", 100));
        views.accept(event(0, "join", "n1", 200));
        views.accept(event(0, "leave", "n1", 300));
        views.accept(event(0, "suspect", "n0", 350));
        views.accept(event(1, "join", "n1", 100));
        views.accept(event(1, "join", "n0", 200));
        assertThat(views.converged()).isFalse();
        assertThat(views.smallestView()).isEqualTo(1);

        views.accept(event(0, "join", "n1", 900));

        assertThat(views.convergedAtMillis()).isEqualTo(900);
    }

    static NodeEvent event(int from, String name, String node, long millis) {
        return new NodeEvent(from, name, millis, Map.of("event", name, "node", node, "t", millis));
    }
}
