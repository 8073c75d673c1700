package dev.memberlist.spring.health;

import dev.memberlist.Memberlist;
import dev.memberlist.spring.MemberCounts;
import dev.memberlist.spring.lifecycle.JoinState;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.function.Supplier;

/**
 * Health of the memberlist node. UP while it runs and is joined, or runs alone because no join was
 * asked for; OUT_OF_SERVICE while starting or joining, when every join attempt failed, and after it
 * left the cluster; DOWN once shut down, or while Lifeguard's health score is above the threshold
 * (the node is probably too slow to answer probes). Details hold the node counts by state, the
 * score and the join state.
 */
public final class MemberlistHealthIndicator extends AbstractHealthIndicator {
    private final Memberlist memberlist;
    private final Supplier<JoinState> joinState;
    private final int maxScore;

    /**
     * @param memberlist the node
     * @param joinState where the join of the seeds stands
     * @param maxScore the health score above which the node is DOWN
     */
    public MemberlistHealthIndicator(Memberlist memberlist, Supplier<JoinState> joinState, int maxScore) {
        super("Memberlist health check failed");
        this.memberlist = memberlist;
        this.joinState = joinState;
        this.maxScore = maxScore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        JoinState join = joinState.get();
        int score = memberlist.healthScore();
        builder.withDetail("join", join.name());
        if (memberlist.isShutdown()) {
            builder.down();
            return;
        }
        if (!memberlist.isStarted()) {
            builder.outOfService();
            return;
        }
        builder.withDetail("healthScore", score).withDetail("counts", MemberCounts.of(memberlist.allNodes()));
        if (memberlist.hasLeft()) {
            builder.outOfService();
        } else if (score > maxScore) {
            builder.down().withDetail("maxScore", maxScore);
        } else if (join == JoinState.JOINED || join == JoinState.NOT_REQUESTED || memberlist.numMembers() > 1) {
            builder.up();
        } else {
            builder.outOfService();
        }
    }
}
