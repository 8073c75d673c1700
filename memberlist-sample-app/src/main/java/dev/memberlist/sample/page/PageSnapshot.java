package dev.memberlist.sample.page;

import java.util.List;

/**
 * What a cluster page receives when it opens.
 *
 * @param view the cluster now
 * @param history the kept samples, oldest first
 * @param feed the event feed, newest first
 */
record PageSnapshot(ClusterView view, List<Sample> history, List<EventFeed.Entry> feed) {
}
