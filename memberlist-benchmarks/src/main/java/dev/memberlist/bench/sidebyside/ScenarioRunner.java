package dev.memberlist.bench.sidebyside;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One repetition of one implementation in one scenario, in two fresh clusters:
 * <ol>
 *   <li>node 0 starts; once it is ready, N−1 processes start with {@code -join} to it: convergence from
 *       process start;</li>
 *   <li>N processes start alone; once all are ready, N−1 get the {@code join} command: convergence from
 *       the join command. On that cluster, optionally the idle window after a warm-up; then node N−1
 *       gets SIGKILL (first suspect, first and last survivor to declare it dead), then node N−2 leaves
 *       (last survivor to see it).</li>
 * </ol>
 * Times come from the events' own stamps against the harness's clock when it acted (one machine, one
 * clock). Every wait has a timeout, and a figure that did not happen says so ("not converged in 120 s").
 */
final class ScenarioRunner {

    private final RunSettings settings;
    private final Path logs;
    private final long emptyJvmPid;

    /**
     * @param settings timeouts and the idle window
     * @param logs the directory for the nodes' stderr logs
     * @param emptyJvmPid the JVM that only sleeps, the idle baseline
     */
    ScenarioRunner(RunSettings settings, Path logs, long emptyJvmPid) {
        this.settings = settings;
        this.logs = logs;
        this.emptyJvmPid = emptyJvmPid;
    }

    /**
     * @param implementation what the nodes run
     * @param scenario preset and size
     * @param repetition the repetition's number, from 1, for the log names
     * @param idle whether this repetition measures the idle window
     * @return the figures; failures are in it, never thrown
     * @throws IOException when a process cannot be started at all
     */
    RunFigures run(Implementation implementation, Scenario scenario, int repetition, boolean idle) throws IOException {
        RunFigures figures = new RunFigures();
        String base = implementation.key() + "-" + scenario.preset() + "-" + scenario.nodes() + "-r" + repetition;
        try (LocalCluster cluster = new LocalCluster(implementation, scenario, settings.lifetime(),
                logs.resolve(base + "-start.log"))) {
            convergeFromStart(cluster, figures);
            cluster.errors().forEach(error -> figures.note("from start: " + error));
        }
        try (LocalCluster cluster = new LocalCluster(implementation, scenario, settings.lifetime(),
                logs.resolve(base + "-join.log"))) {
            if (convergeFromJoin(cluster, figures)) {
                if (idle && settings.measuresIdle()) {
                    cluster.idle(settings.warmup());
                    IdleWindow.measure(cluster, emptyJvmPid, settings.window(), figures);
                }
                crash(cluster, implementation, figures);
                leave(cluster, figures);
            }
            cluster.errors().forEach(error -> figures.note("from join: " + error));
        }
        return figures;
    }

    private void convergeFromStart(LocalCluster cluster, RunFigures figures) throws IOException {
        cluster.start(0, Optional.empty());
        if (!cluster.awaitReady(0, 1, settings.readyTimeout())) {
            figures.fail(Figure.CONVERGE_FROM_START, "node 0 not ready in " + seconds(settings.readyTimeout()));
            return;
        }
        long startMillis = System.currentTimeMillis();
        for (int i = 1; i < cluster.size(); i++) {
            cluster.start(i, Optional.of(cluster.address(0)));
        }
        converge(cluster, startMillis, Figure.CONVERGE_FROM_START, figures);
    }

    private boolean convergeFromJoin(LocalCluster cluster, RunFigures figures) throws IOException {
        for (int i = 0; i < cluster.size(); i++) {
            cluster.start(i, Optional.empty());
        }
        if (!cluster.awaitReady(0, cluster.size(), settings.readyTimeout())) {
            figures.fail(Figure.CONVERGE_FROM_JOIN, "not ready in " + seconds(settings.readyTimeout()));
            return false;
        }
        long startMillis = System.currentTimeMillis();
        for (int i = 1; i < cluster.size(); i++) {
            cluster.command(i, "join " + cluster.address(0));
        }
        return converge(cluster, startMillis, Figure.CONVERGE_FROM_JOIN, figures);
    }

    private boolean converge(LocalCluster cluster, long startMillis, Figure figure, RunFigures figures) {
        MembershipViews views = cluster.views();
        if (cluster.await(event -> { }, views::converged, settings.convergeTimeout())) {
            figures.put(figure, (views.convergedAtMillis() - startMillis) / 1000.0);
            return true;
        }
        figures.fail(figure, "not converged in " + seconds(settings.convergeTimeout()) + " (" + views.incomplete()
                + " of " + cluster.size() + " nodes short, smallest view " + views.smallestView() + ")");
        return false;
    }

    private void crash(LocalCluster cluster, Implementation implementation, RunFigures figures) {
        int victim = cluster.size() - 1;
        Detection detection = new Detection(LocalCluster.name(victim), survivors(cluster, victim),
                System.currentTimeMillis());
        cluster.kill(victim);
        cluster.await(detection::accept, detection::complete, settings.detectTimeout());
        String missing = detection.missing() + " survivors never declared it dead in " + seconds(settings.detectTimeout());
        if (implementation.reportsSuspect()) {
            put(figures, Figure.CRASH_FIRST_SUSPECT, detection.firstSuspect(), "no suspect event");
        }
        put(figures, Figure.CRASH_FIRST_DEAD, detection.first(), missing);
        put(figures, Figure.CRASH_ALL_DEAD, detection.all(), missing);
    }

    private void leave(LocalCluster cluster, RunFigures figures) {
        int leaver = cluster.size() - 2;
        if (leaver < 1) {
            return;
        }
        Detection detection = new Detection(LocalCluster.name(leaver), survivors(cluster, leaver),
                System.currentTimeMillis());
        cluster.command(leaver, "leave");
        cluster.await(detection::accept, detection::complete, settings.detectTimeout());
        put(figures, Figure.LEAVE_ALL, detection.all(),
                detection.missing() + " survivors never saw it leave in " + seconds(settings.detectTimeout()));
    }

    private static Set<Integer> survivors(LocalCluster cluster, int victim) {
        Set<Integer> survivors = new HashSet<>();
        for (int i = 0; i < cluster.size(); i++) {
            if (i != victim && cluster.isAlive(i) && cluster.views().sees(i, LocalCluster.name(victim))) {
                survivors.add(i);
            }
        }
        return survivors;
    }

    private static void put(RunFigures figures, Figure figure, java.util.OptionalLong millis, String failure) {
        if (millis.isPresent()) {
            figures.put(figure, millis.getAsLong() / 1000.0);
        } else {
            figures.fail(figure, failure);
        }
    }

    static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
