package dev.memberlist.spring.lifecycle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records how each join attempt ended, as {@code "succeeded <attempt> reaching <n>"} or {@code "failed <attempt>: <cause>"}. */
final class RecordingJoinListener implements JoinListener {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void joinSucceeded(int reached, int attempt) {
        calls.add("succeeded " + attempt + " reaching " + reached);
    }

    @Override
    public void joinFailed(Throwable cause, int attempt) {
        calls.add("failed " + attempt + ": " + cause.getMessage());
    }
}
