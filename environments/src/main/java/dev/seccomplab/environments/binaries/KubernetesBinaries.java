package dev.seccomplab.environments.binaries;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seccomplab.environments.host.Directories;
import dev.seccomplab.environments.HostExecutables;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabStateDirectory;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.host.FolderLock;
import dev.seccomplab.environments.host.HostCommand;
import dev.seccomplab.environments.image.WorkloadImageArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Upstream Kubernetes (kube-apiserver, kube-controller-manager, kube-scheduler, kube-proxy, kubelet, kubeadm,
 * kubectl) and etcd, for the local cluster: one folder per version in the lab's state directory,
 * with the build log and a manifest of how they were made. They are downloaded where the official
 * release can be reached, else built from source with Go; a second {@link #ensure} is a cache hit.
 */
public final class KubernetesBinaries {

    public static final List<String> KUBERNETES_COMMANDS =
            List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy", "kubelet", "kubeadm", "kubectl");
    public static final String ETCD = "etcd";
    static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BuildRecipe recipe;
    private final Path directory;
    private final ReleaseDownload release;
    private final Optional<Path> go;

    KubernetesBinaries(BuildRecipe recipe, Path versionsRoot, ReleaseSources sources, Optional<Path> go) {
        this.recipe = recipe;
        this.directory = versionsRoot.resolve(recipe.kubernetesVersion());
        this.release = new ReleaseDownload(sources, recipe, WorkloadImageArchive.goArchitecture(System.getProperty("os.arch")));
        this.go = go;
    }

    /** The version the lab's Go module pins, kept in the lab's state directory. */
    public static KubernetesBinaries inStateDirectory() {
        return new KubernetesBinaries(BuildRecipe.builtIn(), LabStateDirectory.kubernetesBinaries(), ReleaseSources.fromEnvironment(),
                findGo());
    }

    /** e.g. {@code v1.34.4} */
    public String version() {
        return recipe.kubernetesVersion();
    }

    public String etcdVersion() {
        return recipe.etcdVersion();
    }

    public Path directory() {
        return directory;
    }

    public Path buildLog() {
        return directory.resolve("build.log");
    }

    public Path binary(String command) {
        return directory.resolve("bin").resolve(command);
    }

    /** How the binaries here were made, when they are all here and were made from today's inputs. */
    public Optional<Manifest> present() {
        Path file = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Manifest manifest;
        try {
            manifest = JSON.readValue(file.toFile(), Manifest.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean complete = Stream.concat(KUBERNETES_COMMANDS.stream(), Stream.of(ETCD))
                .allMatch(command -> Files.isExecutable(binary(command)) && sizeOf(binary(command)) == manifest.sizes().getOrDefault(command, -1L));
        boolean current = manifest.inputs() == null || manifest.inputs().equals(recipe.inputsDigest());
        return complete && current ? Optional.of(manifest) : Optional.empty();
    }

    /**
     * The binaries, made if they are not here yet: downloaded where the release can be reached, else
     * built with Go. Only one lab process makes them at a time; the others wait for it.
     */
    public Manifest ensure(Progress progress) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot create " + directory + " for the Kubernetes binaries: " + e
                    + ". Point SECCOMP_LAB_STATE_DIR at a writable directory.", e);
        }
        return FolderLock.whileHeld(directory, "the Kubernetes binaries", progress, () -> {
            Optional<Manifest> cached = present();
            if (cached.isPresent()) {
                progress.step("Kubernetes " + version() + " and etcd " + etcdVersion() + " are here already (" + cached.get().source()
                        + "): " + directory.resolve("bin"));
                return cached.get();
            }
            return make(progress);
        });
    }

    private Manifest make(Progress progress) {
        long started = System.nanoTime();
        Path partial = directory.resolve("bin.partial");
        Directories.deleteRecursively(partial);
        String source;
        String inputs = null;
        Optional<String> noRelease = release.unavailable();
        try {
            Files.writeString(buildLog(), "");
            if (noRelease.isEmpty()) {
                progress.step("downloading " + release.describe() + "; each file is checked against its published checksum");
                release.download(partial, progress);
                source = "downloaded: " + release.describe() + ", checksums verified";
            } else {
                Path goCommand = go.orElseThrow(() -> new LabEnvironmentException("The local environment needs Kubernetes "
                        + version() + ", and neither way to get it works here: the release cannot be downloaded ("
                        + noRelease.get() + "), and there is no Go toolchain to build it (looked for 'go' on PATH and in "
                        + "/usr/local/go/bin). Install Go 1.24 or newer (https://go.dev/dl), or make dl.k8s.io reachable."));
                GoModuleBuild build = new GoModuleBuild(goCommand, recipe, directory, buildLog());
                String goVersion = build.checkToolchain();
                progress.step("building Kubernetes " + version() + " and etcd " + etcdVersion() + " from source with " + goVersion
                        + " (no release download: " + noRelease.get() + "); log: " + buildLog());
                build.build(partial, progress);
                source = "built from source with " + goVersion + " and the lab's Go modules";
                inputs = recipe.inputsDigest();
            }
            verify(partial);
            Directories.deleteRecursively(directory.resolve("bin"));
            Files.move(partial, directory.resolve("bin"));
            Map<String, Long> sizes = new LinkedHashMap<>();
            Stream.concat(KUBERNETES_COMMANDS.stream(), Stream.of(ETCD)).forEach(command -> sizes.put(command, sizeOf(binary(command))));
            Manifest manifest = new Manifest(version(), etcdVersion(), source, inputs, sizes,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            JSON.writerWithDefaultPrettyPrinter().writeValue(directory.resolve(MANIFEST).toFile(), manifest);
            progress.step("Kubernetes " + version() + " and etcd " + etcdVersion() + " are ready in " + directory.resolve("bin")
                    + " after " + manifest.seconds() + " s (" + source + ")");
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Kubernetes binaries into " + directory, e);
        } finally {
            Directories.deleteRecursively(partial);
        }
    }

    /** What every release does first: the programs run and say the version they were made for. */
    private void verify(Path bin) {
        String kubelet = HostCommand.of(bin.resolve("kubelet").toString(), "--version").timeout(Duration.ofSeconds(30)).runOrThrow().strip();
        if (!kubelet.equals("Kubernetes " + version())) {
            throw new LabEnvironmentException("The kubelet that was made says '" + kubelet + "', not 'Kubernetes " + version()
                    + "'. Build log: " + buildLog());
        }
        String etcd = HostCommand.of(bin.resolve(ETCD).toString(), "--version").timeout(Duration.ofSeconds(30)).runOrThrow();
        if (!etcd.contains("etcd Version: " + etcdVersion().substring(1))) {
            throw new LabEnvironmentException("The etcd that was made says '" + etcd.lines().findFirst().orElse("") + "', not "
                    + etcdVersion() + ". Build log: " + buildLog());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The Go command: on PATH, or where Go's own installer puts it. */
    public static Optional<Path> findGo() {
        return HostExecutables.find("go").or(() -> Optional.of(Path.of("/usr/local/go/bin/go")).filter(Files::isExecutable));
    }

    /**
     * How the binaries in a version's folder were made.
     *
     * @param source in words: downloaded from where, or built with which Go
     * @param inputs for a build, the digest of the Go modules and flags it was made from; null for a download
     * @param sizes each program's size in bytes, to notice one that is missing or was replaced
     * @param seconds how long making them took
     */
    public record Manifest(String kubernetesVersion, String etcdVersion, String source, String inputs, Map<String, Long> sizes,
                           long seconds) {
    }
}
