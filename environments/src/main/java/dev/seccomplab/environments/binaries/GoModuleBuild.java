package dev.seccomplab.environments.binaries;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.ProgressTicker;
import dev.seccomplab.environments.host.HostCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes and etcd built from source with Go, from the Go module proxy: the project's own
 * modules are written out, their dependencies downloaded, and the commands compiled the way
 * upstream's {@code hack/lib/golang.sh} and {@code hack/lib/version.sh} build a release, so that
 * {@code kubelet --version} and the API's {@code /version} say the release's version.
 *
 * <p>One deviation: every command is built with CGO off. Upstream links the kubelet with cgo;
 * nothing the lab uses needs it, and building it apart would compile the whole tree twice.
 */
final class GoModuleBuild {

    static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(20);
    static final Duration COMPILE_TIMEOUT = Duration.ofMinutes(60);
    /** go.mod of k8s.io/kubernetes v1.34 says go 1.24.0. */
    static final int[] OLDEST_GO = {1, 24};
    static final String ETCD_PACKAGE = "go.etcd.io/etcd/server/v3";
    private static final Pattern GO_VERSION = Pattern.compile("go(\\d+)\\.(\\d+)(\\.\\d+)?");
    private static final Pattern UNREACHABLE = Pattern.compile(
            "dial tcp|no such host|connection refused|i/o timeout|TLS handshake timeout|proxyconnect|network is unreachable|"
                    + "Service Unavailable|Bad Gateway|connection reset");

    private final Path go;
    private final BuildRecipe recipe;
    private final Path directory;
    private final Path log;

    /**
     * @param go the Go command
     * @param directory the version's folder: the modules go to {@code src/}, the commands to {@code output}
     */
    GoModuleBuild(Path go, BuildRecipe recipe, Path directory, Path log) {
        this.go = go;
        this.recipe = recipe;
        this.directory = directory;
        this.log = log;
    }

    /**
     * The flags of the Kubernetes build, as upstream sets them for a release.
     *
     * @param moreLdflags linker flags that differ from build to build (the build date), left out of the digest of the inputs
     */
    static List<String> buildFlags(BuildRecipe recipe, String moreLdflags) {
        String version = recipe.kubernetesVersion();
        Matcher parts = Pattern.compile("v(\\d+)\\.(\\d+)\\..*").matcher(version);
        if (!parts.matches()) {
            throw new IllegalStateException("not a Kubernetes version: " + version);
        }
        List<String> ldflags = new ArrayList<>();
        for (String pkg : List.of("k8s.io/client-go/pkg/version", "k8s.io/component-base/version")) {
            ldflags.add("-X '" + pkg + ".gitVersion=" + version + "'");
            ldflags.add("-X '" + pkg + ".gitMajor=" + parts.group(1) + "'");
            ldflags.add("-X '" + pkg + ".gitMinor=" + parts.group(2) + "'");
        }
        return List.of("-trimpath", "-buildvcs=false", "-mod=readonly", "-tags=selinux,notest,grpcnotrace",
                "-ldflags=all=" + (moreLdflags.isEmpty() ? "" : moreLdflags + " ") + String.join(" ", ldflags) + " -s -w");
    }

    /** The go version it reports, e.g. {@code go1.26.8}; refuses one older than Kubernetes needs. */
    String checkToolchain() {
        String said = HostCommand.of(go.toString(), "version").timeout(Duration.ofSeconds(30)).runOrThrow().strip();
        Matcher version = GO_VERSION.matcher(said);
        if (!version.find()) {
            throw new LabEnvironmentException("'" + go + " version' printed '" + said + "', which names no Go version");
        }
        int major = Integer.parseInt(version.group(1));
        int minor = Integer.parseInt(version.group(2));
        if (major < OLDEST_GO[0] || major == OLDEST_GO[0] && minor < OLDEST_GO[1]) {
            throw new LabEnvironmentException(go + " is " + version.group() + ", and Kubernetes " + recipe.kubernetesVersion()
                    + " needs Go " + OLDEST_GO[0] + "." + OLDEST_GO[1] + " or newer. Install a newer Go (https://go.dev/dl) "
                    + "and put it first on PATH.");
        }
        return version.group();
    }

    /** Builds every command into {@code output}, a folder that must not exist yet. */
    void build(Path output, Progress progress) {
        Path kubernetes = writeModule("kubernetes", recipe.kubernetesModule());
        Path etcd = writeModule("etcd", recipe.etcdModule());
        download(kubernetes, progress);
        download(etcd, progress);
        List<String> kubernetesBuild = new ArrayList<>(List.of(go.toString(), "build", "-v"));
        kubernetesBuild.addAll(buildFlags(recipe, buildDate()));
        kubernetesBuild.addAll(List.of("-o", output + "/"));
        KubernetesBinaries.KUBERNETES_COMMANDS.forEach(command -> kubernetesBuild.add("k8s.io/kubernetes/cmd/" + command));
        compile(kubernetes, kubernetesBuild, "Kubernetes " + recipe.kubernetesVersion(), progress);
        compile(etcd, List.of(go.toString(), "build", "-v", "-trimpath", "-buildvcs=false", "-mod=readonly", "-ldflags=-s -w",
                "-o", output.resolve(KubernetesBinaries.ETCD).toString(), ETCD_PACKAGE), "etcd " + recipe.etcdVersion(), progress);
    }

    private static String buildDate() {
        String date = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        return "-X 'k8s.io/client-go/pkg/version.buildDate=" + date + "' -X 'k8s.io/component-base/version.buildDate=" + date + "'";
    }

    private Path writeModule(String name, Map<String, String> files) {
        Path module = directory.resolve("src").resolve(name);
        try {
            Files.createDirectories(module);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(module.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Go module " + module, e);
        }
        return module;
    }

    private void download(Path module, Progress progress) {
        progress.step("downloading the Go modules of " + module.getFileName() + " (go mod download)");
        HostCommand.Result result;
        try (ProgressTicker ticker = new ProgressTicker(progress, "still downloading Go modules", 15)) {
            result = logged(HostCommand.of(go.toString(), "mod", "download").directory(module).timeout(DOWNLOAD_TIMEOUT), line -> { });
        }
        if (result.succeeded()) {
            return;
        }
        String firstError = result.output().lines().filter(line -> !line.isBlank()).findFirst().orElse("(no output)");
        if (UNREACHABLE.matcher(result.output()).find()) {
            throw new LabEnvironmentException("Cannot download Kubernetes' Go modules: the Go module proxy (GOPROXY=" + goProxy()
                    + ") did not answer: " + firstError + ". Make it reachable, or set GOPROXY to a module proxy you can reach "
                    + "(or to 'off' with a filled GOMODCACHE). Build log: " + log);
        }
        throw new LabEnvironmentException("'go mod download' in " + module + " failed: " + firstError + ". Build log: " + log);
    }

    private void compile(Path module, List<String> command, String what, Progress progress) {
        AtomicInteger compiled = new AtomicInteger();
        AtomicReference<String> last = new AtomicReference<>("");
        progress.step("compiling " + what + " (go build; a cold build takes minutes, a cached one seconds)");
        HostCommand.Result result;
        try (ProgressTicker ticker = new ProgressTicker(progress,
                () -> "compiling " + what + ": " + compiled.get() + " packages compiled" + (last.get().isEmpty() ? "" : ", now " + last.get()), 15)) {
            result = logged(HostCommand.of(command).directory(module).environment("CGO_ENABLED", "0").timeout(COMPILE_TIMEOUT), line -> {
                if (!line.isBlank() && !line.contains(" ")) {
                    compiled.incrementAndGet();
                    last.set(line.strip());
                }
            });
        }
        if (!result.succeeded()) {
            List<String> errors = result.output().lines().filter(line -> line.contains(" ") || line.startsWith("#")).toList();
            throw new LabEnvironmentException("Compiling " + what + " failed: " + String.join(" | ", errors.subList(0, Math.min(3, errors.size())))
                    + ". Build log: " + log);
        }
        progress.step("compiled " + what + " (" + compiled.get() + " packages compiled, the rest from Go's build cache)");
    }

    /** Runs one step of the build, with its command line and every line it prints appended to the build log. */
    private HostCommand.Result logged(HostCommand command, java.util.function.Consumer<String> lines) {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true)) {
            out.println("$ " + String.join(" ", command.command()));
            HostCommand.Result result = command.onLine(line -> {
                out.println(line);
                lines.accept(line);
            }).run();
            out.println("(exit code " + result.exitCode() + ")");
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the build log " + log, e);
        }
    }

    private String goProxy() {
        try {
            return HostCommand.of(go.toString(), "env", "GOPROXY").timeout(Duration.ofSeconds(30)).run().output().strip();
        } catch (LabEnvironmentException e) {
            return "?";
        }
    }
}
