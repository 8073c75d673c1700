package dev.memberlist.netns;

import org.junit.jupiter.api.Assumptions;

/**
 * What the lab needs from the machine. Where something is missing the calling test is skipped with
 * the reason, unless {@code MEMBERLIST_REQUIRE_NETNS=1} (as in CI) makes that a failure.
 */
final class LabPrerequisite {

    private LabPrerequisite() {
    }

    /**
     * @param present whether the machine has it
     * @param missing what is missing and how to get it
     */
    static void require(boolean present, String missing) {
        if (!present && "1".equals(System.getenv("MEMBERLIST_REQUIRE_NETNS"))) {
            throw new IllegalStateException(missing);
        }
        Assumptions.assumeTrue(present, missing);
    }
}
