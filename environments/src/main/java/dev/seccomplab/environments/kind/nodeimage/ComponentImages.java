package dev.seccomplab.environments.kind.nodeimage;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.binaries.KubernetesBinaries;
import dev.seccomplab.environments.host.HostCommand;
import dev.seccomplab.environments.image.DockerImageBuild;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images the node's kubelet runs, made from the lab's own binaries under the names kubeadm asks
 * for ({@code kubeadm config images list}), so that nothing is pulled: the control plane, etcd,
 * kube-proxy and the pause image, plus the node's CNI installer. They are saved into one archive
 * for the node image, and their tags are removed from this host's Docker again, where they would
 * look pulled.
 */
final class ComponentImages {

    static final String CNI_REPOSITORY = KindNodeImageBuild.REPOSITORY_PREFIX + "cni";
    private static final String PATH = "PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final DockerClient docker;
    private final KubernetesBinaries binaries;
    private final String iptablesBase;
    private final Path workDirectory;

    ComponentImages(DockerClient docker, KubernetesBinaries binaries, String iptablesBase, Path workDirectory) {
        this.docker = docker;
        this.binaries = binaries;
        this.iptablesBase = iptablesBase;
        this.workDirectory = workDirectory;
    }

    static String cniImage(String kubernetesVersion) {
        return CNI_REPOSITORY + ":" + kubernetesVersion;
    }

    /** Builds every image into {@code archive}; returns the names it holds. */
    List<String> saveTo(Path archive, Progress progress) {
        List<String> wanted = kubeadmImages();
        progress.step("kubeadm " + binaries.version() + " asks for " + String.join(", ", wanted));
        List<String> built = new ArrayList<>();
        try {
            for (String image : wanted) {
                Optional<Component> component = component(image);
                if (component.isEmpty()) {
                    progress.step("not made: " + image + " (CoreDNS is not built here, so cluster DNS stays down; no lesson uses it)");
                    continue;
                }
                build(image, component.get(), progress);
                built.add(image);
            }
            String cni = cniImage(binaries.version());
            build(cni, new Component("FROM " + iptablesBase, List.of(Map.entry("install-cni", NodeResources.read("cni/install-cni"))),
                    "/usr/local/bin/install-cni"), progress);
            built.add(cni);
            progress.step("saving " + built.size() + " images into " + archive.getFileName());
            var save = docker.saveImagesCmd();
            built.forEach(image -> save.withImage(image.substring(0, image.lastIndexOf(':')), image.substring(image.lastIndexOf(':') + 1)));
            try (InputStream in = save.exec()) {
                Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            return built;
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot save the node's images to " + archive + ": " + e.getMessage(), e);
        } finally {
            built.forEach(this::untag);
        }
    }

    private List<String> kubeadmImages() {
        String listed = HostCommand.of(binaries.binary("kubeadm").toString(), "config", "images", "list",
                "--kubernetes-version", binaries.version()).timeout(Duration.ofSeconds(60)).runOrThrow();
        return listed.lines().map(String::strip).filter(line -> line.contains("/") && line.contains(":")).toList();
    }

    /** How each image kubeadm names is made; a name the lab does not know stops the build. */
    private Optional<Component> component(String image) {
        String name = image.substring(image.lastIndexOf('/') + 1, image.lastIndexOf(':'));
        return switch (name) {
            case "kube-apiserver", "kube-controller-manager", "kube-scheduler" -> Optional.of(fromScratch(name, binaries.binary(name)));
            case "etcd" -> Optional.of(fromScratch(name, binaries.binary(checkedEtcd(image))));
            case "kube-proxy" -> Optional.of(new Component("FROM " + iptablesBase, List.of(Map.entry(name, file(binaries.binary(name)))),
                    "/usr/local/bin/" + name));
            case "pause" -> Optional.of(fromScratch(name, PauseProgram.build(workDirectory)));
            case "coredns" -> Optional.empty();
            default -> throw new LabEnvironmentException("kubeadm " + binaries.version() + " asks for the image " + image
                    + ", which the lab does not know how to make. The node image builder (ComponentImages) needs a recipe for it.");
        };
    }

    /** The tag must tell the truth: kubeadm's etcd tag names the version of the etcd the lab built. */
    private String checkedEtcd(String image) {
        String tag = image.substring(image.lastIndexOf(':') + 1);
        if (!tag.replaceFirst("-\\d+$", "").equals(binaries.etcdVersion().replaceFirst("^v", ""))) {
            throw new LabEnvironmentException("kubeadm " + binaries.version() + " asks for " + image + ", and the lab's etcd is "
                    + binaries.etcdVersion() + ": an image under that tag would lie about its content. Pin etcd to kubeadm's version "
                    + "in the lab's Go module (environments/src/main/resources/dev/seccomplab/environments/binaries/etcd/go.mod).");
        }
        return KubernetesBinaries.ETCD;
    }

    private void build(String image, Component component, Progress progress) {
        Path context = workDirectory.resolve("image-" + image.replaceAll("[^A-Za-z0-9.-]", "_"));
        try {
            Files.createDirectories(context);
            StringBuilder dockerfile = new StringBuilder(component.from()).append('\n');
            for (Map.Entry<String, byte[]> file : component.files()) {
                Path program = Files.write(context.resolve(file.getKey()), file.getValue());
                // The legacy builder of Docker 20.10 has no COPY --chmod; COPY keeps the mode.
                Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
                dockerfile.append("COPY ").append(file.getKey()).append(" /usr/local/bin/").append(file.getKey()).append('\n');
            }
            dockerfile.append("ENV ").append(PATH).append('\n')
                    .append("ENTRYPOINT [\"").append(component.entrypoint()).append("\"]\n");
            Files.writeString(context.resolve("Dockerfile"), dockerfile);
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot write the build folder " + context + ": " + e.getMessage(), e);
        }
        progress.step("building " + image);
        DockerImageBuild.ofDirectory(docker, context, "the node's image " + image).run(image, Map.of(), Progress.SILENT);
    }

    private void untag(String image) {
        try {
            docker.removeImageCmd(image).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    private static Component fromScratch(String name, Path binary) {
        return new Component("FROM scratch", List.of(Map.entry(name, file(binary))), "/usr/local/bin/" + name);
    }

    private static byte[] file(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** @param files programs, copied to /usr/local/bin */
    private record Component(String from, List<Map.Entry<String, byte[]>> files, String entrypoint) {
    }
}
