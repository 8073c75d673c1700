package dev.memberlist.spring.actuate.endpoint;

import dev.memberlist.spring.MemberCounts;

import java.util.List;
import java.util.Map;

/**
 * The memberlist endpoint's answer.
 *
 * @param local this node
 * @param healthScore Lifeguard's local health score; 0 is healthy
 * @param counts known nodes by state
 * @param members every known node, this one included
 * @param config the configuration, without keys
 */
public record MemberlistDescriptor(MemberDescriptor local, int healthScore, MemberCounts counts,
        List<MemberDescriptor> members, Map<String, Object> config) {
}
