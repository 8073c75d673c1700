package dev.memberlist.spring.autoconfigure;



/**
 * The memberlist health indicator ({@code memberlist.health.*}).
 */
public class HealthProperties {

    /** Lifeguard health score above which the node reports DOWN; 0 is healthy. */
    private int maxScore = 5;

    public int getMaxScore() {
        return maxScore;
    }

    public void setMaxScore(int maxScore) {
        this.maxScore = maxScore;
    }
}
