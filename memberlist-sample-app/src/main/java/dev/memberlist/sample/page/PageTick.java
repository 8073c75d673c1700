package dev.memberlist.sample.page;

/**
 * What every open cluster page receives each second.
 *
 * @param view the cluster now
 * @param sample the newest sample
 */
record PageTick(ClusterView view, Sample sample) {
}
