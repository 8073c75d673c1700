package dev.memberlist.bench.sidebyside;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the tables and charts again from {@code runs.tsv} files of earlier runs of {@link SideBySide},
 * without running anything: {@code SideBySideReport --out DIR [--docs DIR] runs.tsv ...}. Several files
 * (e.g. a {@code lan} and a {@code local} run) become one report and one set of charts.
 */
public final class SideBySideReport {

    private SideBySideReport() {
    }

    /**
     * @param args {@code --out DIR}, optionally {@code --docs DIR}, then the files
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of("target/sidebyside");
        Path docs = null;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (args[i].equals("--docs") && i + 1 < args.length) {
                docs = Path.of(args[++i]);
            } else {
                lines.addAll(Files.readAllLines(Path.of(args[i])));
            }
        }
        List<ScenarioResult> results = RunLog.parse(lines);
        String report = ReportTable.render(results);
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), report);
        for (Path chart : Charts.write(results, out)) {
            if (docs != null) {
                Files.createDirectories(docs);
                Files.copy(chart, docs.resolve(chart.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.print(report);
    }
}
