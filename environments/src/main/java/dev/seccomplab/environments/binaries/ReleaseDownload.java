package dev.seccomplab.environments.binaries;

import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The official release binaries, where they can be downloaded: every file is checked against the
 * checksum its publisher lists beside it, and one that does not match is refused.
 */
final class ReleaseDownload {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration FILE_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<java.nio.file.attribute.PosixFilePermission> EXECUTABLE =
            java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x");

    private final ReleaseSources sources;
    private final BuildRecipe recipe;
    private final String architecture;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();

    /** @param architecture as release paths name it: amd64, arm64 */
    ReleaseDownload(ReleaseSources sources, BuildRecipe recipe, String architecture) {
        this.sources = sources;
        this.recipe = recipe;
        this.architecture = architecture;
    }

    String describe() {
        return "the official release binaries from " + sources.kubernetes() + " and " + sources.etcd();
    }

    /** Empty when the release can be fetched from here; otherwise why not, in a few words. It fetches one checksum file. */
    Optional<String> unavailable() {
        URI probe = kubernetesFile("kubectl.sha256");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.empty()
                    : Optional.of(probe + " answered HTTP " + response.statusCode());
        } catch (IOException e) {
            return Optional.of(probe.getHost() + " cannot be reached (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** Fetches every command into {@code output}, a folder that must not exist yet. */
    void download(Path output, Progress progress) {
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + output, e);
        }
        for (String command : KubernetesBinaries.KUBERNETES_COMMANDS) {
            URI file = kubernetesFile(command);
            String expected = publishedChecksum(kubernetesFile(command + ".sha256"), null);
            progress.step("downloading " + file);
            fetchVerified(file, expected, output.resolve(command));
        }
        String tarball = "etcd-" + recipe.etcdVersion() + "-linux-" + architecture + ".tar.gz";
        URI etcd = URI.create(sources.etcd() + "/" + recipe.etcdVersion() + "/" + tarball);
        String expected = publishedChecksum(URI.create(sources.etcd() + "/" + recipe.etcdVersion() + "/SHA256SUMS"), tarball);
        progress.step("downloading " + etcd);
        Path archive = output.resolve(tarball);
        fetchVerified(etcd, expected, archive);
        extractEtcd(archive, output.resolve(KubernetesBinaries.ETCD));
        try {
            Files.delete(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + archive, e);
        }
    }

    private URI kubernetesFile(String name) {
        return URI.create(sources.kubernetes() + "/" + recipe.kubernetesVersion() + "/bin/linux/" + architecture + "/" + name);
    }

    /**
     * The SHA-256 a publisher lists for a file: a {@code .sha256} file holds just that, a
     * {@code SHA256SUMS} file one line per file ({@code <sha256>  <name>}).
     */
    private String publishedChecksum(URI checksums, String fileName) {
        String body = new String(get(checksums, in -> in.readAllBytes()), java.nio.charset.StandardCharsets.UTF_8);
        return body.lines()
                .map(String::strip)
                .filter(line -> fileName == null || line.endsWith(" " + fileName) || line.endsWith("*" + fileName))
                .map(line -> line.split("\\s+")[0].toLowerCase(java.util.Locale.ROOT))
                .filter(sha -> SHA256.matcher(sha).matches())
                .findFirst()
                .orElseThrow(() -> new LabEnvironmentException(checksums + " lists no SHA-256" + (fileName == null ? "" : " for " + fileName)
                        + "; refusing to download without a checksum."));
    }

    private void fetchVerified(URI file, String expectedSha256, Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        String actual = get(file, in -> {
            MessageDigest sha = sha256();
            try (InputStream digesting = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(partial)) {
                digesting.transferTo(out);
            }
            return HexFormat.of().formatHex(sha.digest());
        });
        try {
            if (!actual.equals(expectedSha256)) {
                Files.deleteIfExists(partial);
                throw new LabEnvironmentException("The download of " + file + " does not match its published checksum (SHA-256 "
                        + expectedSha256 + " expected, " + actual + " received), so the lab refused it. Try again; if it "
                        + "persists, the mirror or the network alters files: unset " + ReleaseSources.KUBERNETES_VARIABLE
                        + " and " + ReleaseSources.ETCD_VARIABLE + ", or build from source where no release can be reached.");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, EXECUTABLE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static void extractEtcd(Path tarball, Path target) {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(tarball)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile() && entry.getName().endsWith("/" + KubernetesBinaries.ETCD)) {
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, EXECUTABLE);
                    return;
                }
            }
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot unpack " + tarball + ": " + e.getMessage(), e);
        }
        throw new LabEnvironmentException(tarball + " holds no etcd program");
    }

    private interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    private <T> T get(URI uri, BodyReader<T> reader) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(FILE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new LabEnvironmentException("GET " + uri + " answered HTTP " + response.statusCode());
                }
                return reader.read(body);
            }
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot download " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabEnvironmentException("Interrupted while downloading " + uri, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
