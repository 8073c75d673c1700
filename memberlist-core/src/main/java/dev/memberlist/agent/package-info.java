/**
 * A runnable memberlist node for the shell and for tests: {@link dev.memberlist.agent.Agent} takes Go
 * {@code flag}-style options, reads commands on stdin and prints what it sees as JSON lines on stdout,
 * exactly as the Go interop peer {@code gopeer} does in its single-node mode, so Java and Go nodes can
 * be driven by the same scripts.
 *
 * <p>Not a library API: only {@link dev.memberlist.agent.Agent#main(String[])} is meant to be used.
 */
package dev.memberlist.agent;
