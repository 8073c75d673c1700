/**
 * The application's hooks into memberlist, one interface per concern as in Go: {@link
 * dev.memberlist.delegate.Delegate} (metadata, user messages, broadcasts, user state), {@link
 * dev.memberlist.delegate.EventDelegate}, {@link dev.memberlist.delegate.ConflictDelegate}, {@link
 * dev.memberlist.delegate.MergeDelegate}, {@link dev.memberlist.delegate.AliveDelegate} and {@link
 * dev.memberlist.delegate.PingDelegate}, assembled by {@link dev.memberlist.delegate.CompositeDelegate}.
 *
 * <p>Public API. Every callback runs on the engine thread, one at a time and in order; callbacks
 * must return quickly and never block.
 */
package dev.memberlist.delegate;
