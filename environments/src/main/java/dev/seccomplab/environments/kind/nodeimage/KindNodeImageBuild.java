package dev.seccomplab.environments.kind.nodeimage;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.seccomplab.environments.LabEnvironmentException;
import dev.seccomplab.environments.LabStateDirectory;
import dev.seccomplab.environments.Progress;
import dev.seccomplab.environments.ProgressTicker;
import dev.seccomplab.environments.binaries.KubernetesBinaries;
import dev.seccomplab.environments.host.Directories;
import dev.seccomplab.environments.host.FolderLock;
import dev.seccomplab.environments.image.DockerImageBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code seccomp-lab/kind-node:<version>}: a stand-in for {@code kindest/node}, made on this
 * machine because {@code kind build node-image} pulls every image a node needs. It carries the
 * lab's Kubernetes binaries, a Debian root file system from Debian's archive, and the images the
 * node runs, made from the same binaries. Kindcontainer and kind start it as they start theirs.
 *
 * <p>Cached by version and by a digest of everything it is made from (the binaries, the node's
 * files, the Debian package lists and apt sources), which the image carries as a label.
 */
public final class KindNodeImageBuild {

    /** Every image the node's build makes is in a repository named so: the node, its bases, its CNI installer. */
    public static final String REPOSITORY_PREFIX = "seccomp-lab/kind-";
    public static final String REPOSITORY = REPOSITORY_PREFIX + "node";
    static final String INPUTS_LABEL = "dev.seccomplab.kind-node.inputs-sha256";
    static final String CNI_IMAGE_PLACEHOLDER = "@CNI_IMAGE@";
    private static final List<String> NODE_COMMANDS = List.of("kubelet", "kubeadm", "kubectl");

    private final DockerClient docker;
    private final KubernetesBinaries binaries;
    private final AptSources sources;
    private final Path directory;

    KindNodeImageBuild(DockerClient docker, KubernetesBinaries binaries, AptSources sources, Path directory) {
        this.docker = docker;
        this.binaries = binaries;
        this.sources = sources;
        this.directory = directory;
    }

    public static KindNodeImageBuild onThisHost(DockerClient docker) {
        return new KindNodeImageBuild(docker, KubernetesBinaries.inStateDirectory(), AptSources.fromHost(),
                LabStateDirectory.resolve().resolve("kind-node"));
    }

    /** e.g. {@code seccomp-lab/kind-node:v1.34.0} */
    public static String reference(String kubernetesVersion) {
        return REPOSITORY + ":" + kubernetesVersion;
    }

    public String reference() {
        return reference(binaries.version());
    }

    /** True when Docker holds an image of this reference that the lab made: one whose own files say so. */
    public static boolean isLabImage(DockerClient docker, String reference) {
        return inputsOf(docker, reference).isPresent();
    }

    /** The image, built unless Docker has one made from the same inputs. Returns its reference. */
    public String ensure(Progress progress) {
        KubernetesBinaries.Manifest manifest = binaries.ensure(progress);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot create " + directory + " for building the kind node image: " + e.getMessage()
                    + ". Point SECCOMP_LAB_STATE_DIR at a writable directory.", e);
        }
        return FolderLock.whileHeld(directory, "the kind node image", progress, () -> {
            String inputs = inputsDigest(manifest);
            String reference = reference();
            if (inputs.equals(inputsOf(docker, reference).orElse(null))) {
                progress.step("kind node image " + reference + " is up to date (inputs " + inputs.substring(0, 12) + ")");
                return reference;
            }
            long started = System.nanoTime();
            build(reference, inputs, progress);
            progress.step("built " + reference + " in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
            return reference;
        });
    }

    private void build(String reference, String inputs, Progress progress) {
        Path work = directory.resolve("build");
        Directories.deleteRecursively(work);
        try {
            Files.createDirectories(work);
            String nodeBase = DebianBase.NODE.ensure(docker, sources, work, progress);
            String iptablesBase = DebianBase.IPTABLES.ensure(docker, sources, work, progress);
            Path context = work.resolve("context");
            writeContext(context);
            Files.createDirectories(context.resolve("images"));
            new ComponentImages(docker, binaries, iptablesBase, work).saveTo(context.resolve("images/images.tar"), progress);
            progress.step("building " + reference + " on " + nodeBase);
            try (ProgressTicker ticker = new ProgressTicker(progress, "Docker is still building " + reference, 15)) {
                DockerImageBuild.ofDirectory(docker, context, "the kind node image").buildArgument("BASE", nodeBase)
                        .run(reference, Map.of(INPUTS_LABEL, inputs), progress);
            }
        } catch (IOException e) {
            throw new LabEnvironmentException("Cannot write the kind node image's build folder " + work + ": " + e.getMessage(), e);
        } finally {
            Directories.deleteRecursively(work);
        }
    }

    /** The Dockerfile, the node's files, {@code /kind/version}, and the kubelet, kubeadm and kubectl. */
    private void writeContext(Path context) throws IOException {
        String cniImage = ComponentImages.cniImage(binaries.version());
        for (Map.Entry<String, byte[]> file : NodeResources.all().entrySet()) {
            if (!file.getKey().equals("Dockerfile") && !file.getKey().startsWith("node/")) {
                continue;
            }
            Path target = context.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            byte[] content = file.getKey().equals("node/kind/manifests/default-cni.yaml")
                    ? new String(file.getValue(), StandardCharsets.UTF_8).replace(CNI_IMAGE_PLACEHOLDER, cniImage).getBytes(StandardCharsets.UTF_8)
                    : file.getValue();
            Files.write(target, content);
        }
        // As kind's node images: the bare version, no newline.
        Files.writeString(context.resolve("node/kind/version"), binaries.version());
        Path bin = Files.createDirectories(context.resolve("bin"));
        for (String command : NODE_COMMANDS) {
            Path target = bin.resolve(command);
            try {
                Files.createLink(target, binaries.binary(command));
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(binaries.binary(command), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    String inputsDigest(KubernetesBinaries.Manifest manifest) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : NodeResources.all().entrySet()) {
                sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update(file.getValue());
            }
            for (DebianBase base : List.of(DebianBase.NODE, DebianBase.IPTABLES)) {
                sha.update(base.digest(sources).getBytes(StandardCharsets.UTF_8));
            }
            sha.update((manifest.kubernetesVersion() + " " + manifest.etcdVersion() + " " + manifest.source() + " " + manifest.inputs()
                    + " " + manifest.sizes()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Optional<String> inputsOf(DockerClient docker, String reference) {
        try {
            return Optional.ofNullable(docker.inspectImageCmd(reference).exec().getConfig())
                    .map(config -> config.getLabels())
                    .map(labels -> labels.get(INPUTS_LABEL));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
