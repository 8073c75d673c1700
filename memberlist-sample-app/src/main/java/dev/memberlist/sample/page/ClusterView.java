package dev.memberlist.sample.page;

import dev.memberlist.spring.MemberCounts;

import java.util.List;

/**
 * The whole cluster as one node sees it at one moment: what the page's member table shows.
 *
 * @param self this node's name
 * @param healthScore its Lifeguard health score
 * @param counts how many members are in each state
 * @param members every known member, this node included, by name
 */
record ClusterView(String self, int healthScore, MemberCounts counts, List<MemberView> members) {
}
