package dev.memberlist;

/**
 * A best-effort user message was dropped, not sent: too many user datagrams already waited to be
 * written to the socket. Memberlist bounds them so that the application's messages never hold up
 * probes, acks and gossip; the application may retry later or treat it as the loss UDP allows.
 * Counted as {@link Telemetry#outputDropped(String) outputDropped("user_send_queue_full")}.
 */
public final class UserSendQueueFullException extends MemberlistException {

    private static final long serialVersionUID = 1L;

    /**
     * @param pendingLimit how many user datagrams may wait to be written
     */
    public UserSendQueueFullException(int pendingLimit) {
        // Frequent under load and fully described by its message: no stack trace.
        super("user message dropped: " + pendingLimit + " user datagrams already wait to be written", null, false);
    }
}
