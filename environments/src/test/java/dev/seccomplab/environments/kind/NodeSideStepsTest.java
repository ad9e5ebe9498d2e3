package dev.seccomplab.environments.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dajudge.kindcontainer.KindContainerVersion;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

class NodeSideStepsTest {

    /** Kubernetes versions by number: 1.34.0 is newer than 1.9.0, whatever the order of a list or of their text. */
    private static final Comparator<KindContainerVersion> BY_NUMBER = Comparator.comparing(version ->
            Arrays.stream(version.toString().split("\\.")).mapToInt(Integer::parseInt).toArray(), Arrays::compare);

    @Test
    void versionsAreNamedAsKubernetesNamesThem() {
        String newest = KindNodeImage.newestVersion().toString();
        assertThat(KindNodeImage.version("v" + newest)).isEqualTo(KindNodeImage.version(newest));
        assertThat(KindNodeImage.reference(KindNodeImage.version(newest))).isEqualTo("kindest/node:v" + newest);
        assertThatThrownBy(() -> KindNodeImage.version("1.99.0")).hasMessageStartingWith("unknown kind Kubernetes version '1.99.0'; known: ");
    }

    @Test
    void theDefaultIsNewerThanEveryOtherVersionKindcontainerLists() {
        KindContainerVersion newest = KindNodeImage.newestVersion();
        assertThat(KindContainerVersion.values()).allSatisfy(version -> assertThat(BY_NUMBER.compare(version, newest)).isLessThanOrEqualTo(0));
    }

    @Test
    void theLabsKubernetesIsAVersionKindcontainerKnowsSoItsKubeadmAsksForTheImagesTheNodeImageCarries() {
        String labs = dev.seccomplab.environments.binaries.KubernetesBinaries.inStateDirectory().version();
        assertThat(KindNodeImage.version(labs)).hasToString(labs.substring(1));
    }
}
