package dev.memberlist.netns;

/**
 * One host of a {@link NetworkLab}.
 *
 * @param name its short name ({@code h1}, …)
 * @param namespace its network namespace
 * @param address its IPv4 address on the lab network
 */
record LabHost(String name, String namespace, String address) {
}
