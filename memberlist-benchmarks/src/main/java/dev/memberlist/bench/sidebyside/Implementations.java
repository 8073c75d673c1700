package dev.memberlist.bench.sidebyside;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Turns the options into launchers: the memberlist agent jar on this JDK (and on {@code --java-home}'s),
 * gopeer (built with the shared interop script when missing), and the scalecube peer jar. Each Java
 * launcher is a plain {@code java -jar}, as a user would start it, plus {@code --java-opts}.
 */
final class Implementations {

    private static final Path GOPEER_SCRIPT = Path.of("../shared/interop/build-gopeer.sh");
    private static final Path CORE_TARGET = Path.of("memberlist-core/target");
    private static final long GOPEER_BUILD_MINUTES = 5;

    private Implementations() {
    }

    /**
     * @param options the command line
     * @return the implementations, in column order
     * @throws IllegalStateException when a jar or binary is missing and cannot be built
     */
    static List<Implementation> resolve(SideBySideOptions options) {
        List<Implementation> implementations = new ArrayList<>();
        for (String key : options.implementations()) {
            switch (key) {
                case "java" -> {
                    Path agent = options.agentJar().orElseGet(Implementations::findAgentJar);
                    requireFile(agent, "the agent jar: mvn -B -q -DskipTests package -pl memberlist-benchmarks -am");
                    int feature = Runtime.version().feature();
                    implementations.add(java("java", "Java (JDK " + feature + ")", currentJava(), agent,
                            options.javaOptions()));
                    if (!options.tunedJavaOptions().isEmpty()) {
                        List<String> tuned = new ArrayList<>(options.javaOptions());
                        tuned.addAll(options.tunedJavaOptions());
                        implementations.add(java("java-tuned", "Java (JDK " + feature + ", tuned JVM)", currentJava(),
                                agent, tuned));
                    }
                    options.javaHome().ifPresent(home -> implementations.add(java("java" + feature(home),
                            "Java (JDK " + feature(home) + ")", home.resolve("bin/java"), agent, options.javaOptions())));
                }
                case "go" -> implementations.add(new Implementation("go", "Go memberlist 0.2.2",
                        List.of(gopeer(options.gopeer()).toString()), true));
                case "scalecube" -> {
                    requireFile(options.scalecubeJar(), "the scalecube peer: mvn -B -q -DskipTests package -pl memberlist-benchmarks -am");
                    List<String> launcher = new ArrayList<>(List.of(currentJava().toString()));
                    launcher.addAll(options.javaOptions());
                    launcher.addAll(List.of("-jar", options.scalecubeJar().toString()));
                    implementations.add(new Implementation("scalecube", "scalecube 2.7.10", launcher, false));
                }
                default -> throw new IllegalArgumentException("unknown implementation " + key);
            }
        }
        return implementations;
    }

    /** @return this JVM's {@code java} executable */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static Implementation java(String key, String label, Path javaBinary, Path agent, List<String> jvmOptions) {
        List<String> launcher = new ArrayList<>(List.of(javaBinary.toString()));
        launcher.addAll(jvmOptions);
        launcher.addAll(List.of("-jar", agent.toString()));
        return new Implementation(key, label, launcher, true);
    }

    /** @return the JDK's feature version, from its {@code release} file ({@code JAVA_VERSION="25.0.1"}) */
    static int feature(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"), StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring(line.indexOf('"') + 1);
                    return Integer.parseInt(version.split("[.\"]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the JDK version of " + javaHome + "/release", e);
        }
        throw new IllegalStateException("no JAVA_VERSION in " + javaHome + "/release");
    }

    private static Path findAgentJar() {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(CORE_TARGET, "memberlist-core-*-agent.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            // Reported below as a missing jar.
        }
        return CORE_TARGET.resolve("memberlist-core-<version>-agent.jar");
    }

    private static Path gopeer(Path binary) {
        if (Files.isExecutable(binary)) {
            return binary;
        }
        requireFile(GOPEER_SCRIPT, "gopeer: pass --gopeer, or run from a clone beside shared/interop");
        System.err.println("building gopeer at " + binary + " with " + GOPEER_SCRIPT);
        try {
            Process build = new ProcessBuilder("bash", GOPEER_SCRIPT.toString(), binary.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!build.waitFor(GOPEER_BUILD_MINUTES, TimeUnit.MINUTES)) {
                build.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + GOPEER_SCRIPT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        requireFile(binary, "gopeer, which " + GOPEER_SCRIPT + " did not build");
        return binary;
    }

    private static void requireFile(Path path, String what) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("missing " + path + " (" + what + ")");
        }
    }
}
