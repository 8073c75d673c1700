package dev.memberlist.spring.health;

import dev.memberlist.Memberlist;
import dev.memberlist.spring.MemberCounts;
import dev.memberlist.spring.lifecycle.JoinState;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.function.Supplier;

/**
 * Health of the memberlist node. UP while it runs: joined, alone because no join was asked for, or
 * alone and still looking for its seeds (a node alone is a working one-node cluster that others
 * join when they find it, so it must not fail {@code /actuator/health}, nor keep its pod out of a
 * headless service); OUT_OF_SERVICE before it starts and after it left the cluster; DOWN once shut
 * down, or while Lifeguard's health score is above the threshold (the node is probably too slow to
 * answer probes). Details hold the join state, whether the node knows other members
 * ({@code joined}), whether it is {@code lookingForSeeds}, the node counts by state and the score.
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
        builder.withDetail("joined", memberlist.numMembers() > 1)
                .withDetail("lookingForSeeds", join == JoinState.JOINING)
                .withDetail("healthScore", score)
                .withDetail("counts", MemberCounts.of(memberlist.allNodes()));
        if (memberlist.hasLeft()) {
            builder.outOfService();
        } else if (score > maxScore) {
            builder.down().withDetail("maxScore", maxScore);
        } else {
            builder.up();
        }
    }
}
