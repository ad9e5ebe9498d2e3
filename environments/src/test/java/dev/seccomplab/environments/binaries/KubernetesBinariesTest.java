package dev.seccomplab.environments.binaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Progress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both ways to the binaries, without the network: the release served by an HTTP server on
 * loopback, in the layout of dl.k8s.io and etcd's GitHub releases, and a build by a stand-in for
 * the Go command that records what it was asked. The real build is what {@code ./lab cluster build}
 * does in CI, and bench/ times it.
 */
class KubernetesBinariesTest {

    static final BuildRecipe RECIPE = BuildRecipe.builtIn();
    static final String ARCH = dev.seccomplab.environments.image.WorkloadImageArchive.goArchitecture(System.getProperty("os.arch"));

    @TempDir
    Path dir;
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    final Map<String, byte[]> files = new HashMap<>();

    @AfterEach
    void stopTheServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theReleaseIsDownloadedWhereItCanBeReachedAndEachFileCheckedAgainstItsChecksum() throws Exception {
        serveRelease();
        KubernetesBinaries binaries = new KubernetesBinaries(RECIPE, dir.resolve("state"), served(), Optional.empty());

        KubernetesBinaries.Manifest manifest = binaries.ensure(Progress.SILENT);

        assertThat(manifest.source()).startsWith("downloaded: the official release binaries from http://127.0.0.1:")
                .endsWith("checksums verified");
        assertThat(manifest.inputs()).isNull();
        for (String command : Stream.concat(KubernetesBinaries.KUBERNETES_COMMANDS.stream(), Stream.of(KubernetesBinaries.ETCD)).toList()) {
            assertThat(binaries.binary(command)).isExecutable();
        }
        assertThat(binaries.binary("kubelet")).hasBinaryContent(files.get(kubernetesPath("kubelet")));
        int made = requests.get();

        assertThat(binaries.ensure(Progress.SILENT)).isEqualTo(manifest);
        assertThat(requests.get()).as("a second ensure is a cache hit").isEqualTo(made);
    }

    @Test
    void aFileThatDoesNotMatchItsPublishedChecksumIsRefusedAndNothingIsInstalled() throws Exception {
        serveRelease();
        files.put(kubernetesPath("kubectl"), script("echo tampered"));
        KubernetesBinaries binaries = new KubernetesBinaries(RECIPE, dir.resolve("state"), served(), Optional.empty());

        assertThatThrownBy(() -> binaries.ensure(Progress.SILENT))
                .isInstanceOf(LabEnvironmentException.class)
                .hasMessageContaining(kubernetesPath("kubectl") + " does not match its published checksum")
                .hasMessageContaining("refused it");
        assertThat(binaries.directory().resolve("bin")).doesNotExist();
        assertThat(binaries.directory().resolve("bin.partial")).doesNotExist();
        assertThat(binaries.present()).isEmpty();
    }

    @Test
    void withoutAReleaseTheyAreBuiltWithGoWithTheBuildLogKeptAndASecondBuildIsACacheHit() throws Exception {
        Path go = fakeGo("go1.26.8", "exit 0");
        KubernetesBinaries binaries = new KubernetesBinaries(RECIPE, dir.resolve("state"), unreachable(), Optional.of(go));

        KubernetesBinaries.Manifest manifest = binaries.ensure(Progress.SILENT);

        assertThat(manifest.source()).isEqualTo("built from source with go1.26.8 and the lab's Go modules");
        assertThat(manifest.inputs()).isEqualTo(RECIPE.inputsDigest());
        String log = Files.readString(binaries.buildLog());
        assertThat(log).contains("$ " + go + " mod download", "$ " + go + " build -v -trimpath -buildvcs=false -mod=readonly "
                + "-tags=selinux,notest,grpcnotrace", "k8s.io/component-base/version.gitVersion=" + RECIPE.kubernetesVersion(),
                "k8s.io/kubernetes/cmd/kubelet", GoModuleBuild.ETCD_PACKAGE);
        assertThat(binaries.directory().resolve("src/kubernetes/go.mod")).hasContent(RECIPE.kubernetesModule().get("go.mod"));
        assertThat(binaries.binary("kubeadm")).isExecutable();
        long builds = builds();

        binaries.ensure(Progress.SILENT);
        assertThat(builds()).as("a second build is a cache hit").isEqualTo(builds);

        Map<String, String> repinned = new LinkedHashMap<>(RECIPE.kubernetesModule());
        repinned.put("go.sum", repinned.get("go.sum") + "\n");
        assertThat(new KubernetesBinaries(new BuildRecipe(repinned, RECIPE.etcdModule()), dir.resolve("state"), unreachable(),
                Optional.of(go)).present()).as("changed inputs make the cache stale").isEmpty();
    }

    @Test
    void anUnreachableModuleProxyIsSaidInOneLineWithTheWayOut() throws Exception {
        Path go = fakeGo("go1.26.8", "echo 'go: k8s.io/kubernetes@v1.34.4: Get \"https://proxy.golang.org/k8s.io/kubernetes/@v/v1.34.4.mod\": "
                + "dial tcp: lookup proxy.golang.org on 127.0.0.53:53: no such host' >&2; exit 1");
        KubernetesBinaries binaries = new KubernetesBinaries(RECIPE, dir.resolve("state"), unreachable(), Optional.of(go));

        assertThatThrownBy(() -> binaries.ensure(Progress.SILENT))
                .isInstanceOf(LabEnvironmentException.class)
                .hasMessageContaining("the Go module proxy (GOPROXY=https://proxy.golang.org,direct) did not answer")
                .hasMessageContaining("no such host")
                .hasMessageContaining("set GOPROXY")
                .hasMessageContaining("Build log: " + binaries.buildLog())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(binaries.present()).isEmpty();
    }

    @Test
    void aGoOlderThanKubernetesNeedsIsRefusedNamingBoth() throws Exception {
        KubernetesBinaries binaries = new KubernetesBinaries(RECIPE, dir.resolve("state"), unreachable(),
                Optional.of(fakeGo("go1.19.8", "exit 0")));
        assertThatThrownBy(() -> binaries.ensure(Progress.SILENT))
                .hasMessageContaining("is go1.19.8, and Kubernetes " + RECIPE.kubernetesVersion() + " needs Go 1.24 or newer");
    }

    @Test
    void withNeitherAReleaseNorGoBothWaysAreNamed() throws Exception {
        KubernetesBinaries binaries = new KubernetesBinaries(RECIPE, dir.resolve("state"), unreachable(), Optional.empty());
        assertThatThrownBy(() -> binaries.ensure(Progress.SILENT))
                .hasMessageContaining("the release cannot be downloaded (127.0.0.1 cannot be reached")
                .hasMessageContaining("no Go toolchain to build it")
                .hasMessageContaining("https://go.dev/dl");
    }

    @Test
    void theVersionsAreTheOnesTheGoModulesPin() {
        assertThat(RECIPE.kubernetesVersion()).matches("v1\\.34\\.\\d+");
        assertThat(RECIPE.etcdVersion()).matches("v3\\.6\\.\\d+");
        assertThat(RECIPE.kubernetesModule().get("go.mod")).contains("k8s.io/api => k8s.io/api v0." + RECIPE.kubernetesVersion().substring(3));
    }

    /** The release on loopback: each Kubernetes program with its .sha256, etcd's tarball listed in SHA256SUMS. */
    private void serveRelease() throws Exception {
        for (String command : KubernetesBinaries.KUBERNETES_COMMANDS) {
            byte[] program = script(command.equals("kubelet") ? "echo 'Kubernetes " + RECIPE.kubernetesVersion() + "'" : "echo " + command);
            files.put(kubernetesPath(command), program);
            files.put(kubernetesPath(command) + ".sha256", sha256(program).getBytes(StandardCharsets.UTF_8));
        }
        String tarball = "etcd-" + RECIPE.etcdVersion() + "-linux-" + ARCH + ".tar.gz";
        byte[] etcd = etcdTarball("etcd-" + RECIPE.etcdVersion() + "-linux-" + ARCH + "/etcd",
                script("echo 'etcd Version: " + RECIPE.etcdVersion().substring(1) + "'"));
        files.put("/etcd/" + RECIPE.etcdVersion() + "/" + tarball, etcd);
        files.put("/etcd/" + RECIPE.etcdVersion() + "/SHA256SUMS",
                (sha256("other") + "  etcd-other.zip\n" + sha256(etcd) + "  " + tarball + "\n").getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = files.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    private ReleaseSources served() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return new ReleaseSources(URI.create(base + "/release"), URI.create(base + "/etcd"));
    }

    /** A loopback port nothing listens on: the release cannot be reached, at once. */
    private static ReleaseSources unreachable() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        return new ReleaseSources(URI.create("http://127.0.0.1:" + port + "/release"), URI.create("http://127.0.0.1:" + port + "/etcd"));
    }

    private static String kubernetesPath(String command) {
        return "/release/" + RECIPE.kubernetesVersion() + "/bin/linux/" + ARCH + "/" + command;
    }

    /**
     * A Go command that answers {@code version} with {@code version}, runs {@code modDownload} for
     * {@code mod download}, and for {@code build -o OUT} writes programs that say the right versions.
     */
    private Path fakeGo(String version, String modDownload) throws IOException {
        Path go = dir.resolve("fake-go");
        Files.writeString(go, String.join("\n",
                "#!/bin/sh",
                "case \"$1 $2\" in",
                "  'version '*) echo 'go version " + version + " linux/amd64' ;;",
                "  'env GOPROXY') echo 'https://proxy.golang.org,direct' ;;",
                "  'mod download') " + modDownload + " ;;",
                "  'build -v')",
                "    echo build >> " + dir.resolve("builds"),
                "    out=; prev=",
                "    for a in \"$@\"; do [ \"$prev\" = -o ] && out=$a; prev=$a; done",
                "    case \"$out\" in",
                "      */) mkdir -p \"$out\"",
                "          for c in kube-apiserver kube-controller-manager kube-scheduler kube-proxy kubeadm kubectl; do printf '#!/bin/sh\\necho %s\\n' $c > \"$out$c\"; chmod +x \"$out$c\"; done",
                "          printf '#!/bin/sh\\necho \"Kubernetes " + RECIPE.kubernetesVersion() + "\"\\n' > \"${out}kubelet\"; chmod +x \"${out}kubelet\"",
                "          echo k8s.io/kubernetes/pkg/kubelet ;;",
                "      *) printf '#!/bin/sh\\necho \"etcd Version: " + RECIPE.etcdVersion().substring(1) + "\"\\n' > \"$out\"; chmod +x \"$out\" ;;",
                "    esac ;;",
                "  *) echo \"unexpected: $*\" >&2; exit 2 ;;",
                "esac", ""));
        Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
        return go;
    }

    private long builds() throws IOException {
        return Files.readAllLines(dir.resolve("builds")).size();
    }

    private static byte[] script(String body) {
        return ("#!/bin/sh\n" + body + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] etcdTarball(String name, byte[] program) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(program.length);
            entry.setMode(0755);
            tar.putArchiveEntry(entry);
            tar.write(program);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private static String sha256(String text) throws Exception {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
