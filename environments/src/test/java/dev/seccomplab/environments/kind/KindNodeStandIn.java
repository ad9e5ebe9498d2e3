package dev.seccomplab.environments.kind;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.seccomplab.environments.LabLabels;
import dev.seccomplab.environments.engine.DockerEngine;
import dev.seccomplab.environments.image.HostBinary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * As close to a kind node as this host allows without the kindest/node image: this host's
 * containerd and ctr running in a container with the same tmpfs mounts Kindcontainer gives its node
 * (/run and /tmp). It is not privileged, so it gets CAP_SYS_ADMIN only, which containerd's native
 * snapshotter needs to unpack an image.
 */
final class KindNodeStandIn extends GenericContainer<KindNodeStandIn> {

    static final String IMAGE = "seccomp-lab/kind-node-standin:latest";
    private static final String CONFIG = String.join("\n",
            "version = 2",
            "[plugins.\"io.containerd.grpc.v1.cri\".containerd]",
            "  snapshotter = \"native\"", "");

    KindNodeStandIn() {
        super(DockerImageName.parse(build(DockerEngine.connect())));
        withImagePullPolicy(image -> false)
                .withLabels(LabLabels.forThisProcess())
                .withTmpFs(Map.of("/run", "rw", "/tmp", "rw"))
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withCapAdd(com.github.dockerjava.api.model.Capability.SYS_ADMIN))
                .waitingFor(Wait.forSuccessfulCommand("ctr version").withStartupTimeout(Duration.ofSeconds(60)));
    }

    private static String build(DockerClient docker) {
        try {
            docker.inspectImageCmd(IMAGE).exec();
            return IMAGE;
        } catch (NotFoundException notYet) {
            docker.buildImageCmd(new ByteArrayInputStream(context())).withTags(Set.of(IMAGE)).withPull(false).withRemove(true)
                    .exec(new BuildImageResultCallback()).awaitImageId();
            return IMAGE;
        }
    }

    private static byte[] context() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            add(tar, "Dockerfile", ("FROM scratch\nCOPY rootfs/ /\n"
                    + "CMD [\"/bin/sh\", \"-c\", \"mkdir -p /var/lib && exec containerd\"]\n").getBytes(StandardCharsets.UTF_8), 0644);
            add(tar, "rootfs/etc/containerd/config.toml", CONFIG.getBytes(StandardCharsets.UTF_8), 0644);
            for (HostBinary binary : List.of(HostBinary.locate("busybox", "busybox-static"),
                    HostBinary.locate("containerd", "containerd"), HostBinary.locate("ctr", "containerd"))) {
                add(tar, "rootfs/bin/" + binary.path().getFileName(), Files.readAllBytes(binary.path()), 0755);
                for (Path library : binary.libraries()) {
                    add(tar, "rootfs" + library, Files.readAllBytes(library), 0755);
                }
            }
            for (String applet : List.of("sh", "cat", "rm", "mkdir", "ls")) {
                TarArchiveEntry link = new TarArchiveEntry("rootfs/bin/" + applet, TarArchiveEntry.LF_SYMLINK);
                link.setLinkName("busybox");
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the stand-in's build context", e);
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(mode | 0100000);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
