package dev.seccomplab.environments.kind.nodeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NodeResourcesTest {

    private static final Path FOLDER = Path.of("src/main/resources/dev/seccomplab/environments/kind/nodeimage");

    @Test
    void theIndexListsEveryFileOfTheFolderAndNoOther() throws Exception {
        try (Stream<Path> files = Files.walk(FOLDER)) {
            assertThat(NodeResources.index()).containsExactlyInAnyOrderElementsOf(files.filter(Files::isRegularFile)
                    .map(file -> FOLDER.relativize(file).toString())
                    .filter(name -> !name.equals(NodeResources.INDEX))
                    .toList());
        }
    }

    @Test
    void theCniManifestIsTemplatedByKindcontainerAndTheLab() {
        String manifest = new String(NodeResources.read("node/kind/manifests/default-cni.yaml"), StandardCharsets.UTF_8);
        // Kindcontainer fills {{ .PodSubnet }} by plain replacement, one space each side; the lab fills the image.
        assertThat(manifest).contains("value: {{ .PodSubnet }}", "image: " + KindNodeImageBuild.CNI_IMAGE_PLACEHOLDER,
                "imagePullPolicy: Never");
    }

    @Test
    void theEntrypointAndScriptsAreShellScripts() {
        for (String script : new String[] {"node/usr/local/bin/entrypoint", "node/usr/local/bin/import-images", "cni/install-cni"}) {
            assertThat(new String(NodeResources.read(script), StandardCharsets.UTF_8)).as(script).startsWith("#!/bin/sh\n");
        }
    }
}
