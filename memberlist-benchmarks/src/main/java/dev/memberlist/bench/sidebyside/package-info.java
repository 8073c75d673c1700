/**
 * The side-by-side harness: memberlist-java's agent, Go memberlist ({@code gopeer}) and scalecube-cluster,
 * N separate processes each, started with the same flags on loopback, driven over stdin and stdout JSON
 * lines, timed from the events' own stamps and measured from {@code /proc}. {@link
 * dev.memberlist.bench.sidebyside.SideBySide} is the entry point; it prints a Markdown table and writes
 * it, the raw runs and PNG charts to a directory.
 */
package dev.memberlist.bench.sidebyside;
