package dev.seccomplab.environments.binaries;

import dev.seccomplab.environments.LabEnvironmentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the binaries are made from: the project's two Go modules (one for Kubernetes, one for
 * etcd), shipped in the lab's jar, and the versions their go.mod files pin. The modules are the one
 * place those versions are written.
 *
 * @param kubernetesModule go.mod, go.sum and tools.go of the Kubernetes module, by file name
 * @param etcdModule the same for etcd
 */
record BuildRecipe(Map<String, String> kubernetesModule, Map<String, String> etcdModule) {

    static final List<String> MODULE_FILES = List.of("go.mod", "go.sum", "tools.go");
    private static final Pattern KUBERNETES = Pattern.compile("(?m)^require k8s\\.io/kubernetes (v\\S+)$");
    private static final Pattern ETCD = Pattern.compile("(?m)^require go\\.etcd\\.io/etcd/server/v3 (v\\S+)$");

    static BuildRecipe builtIn() {
        return new BuildRecipe(module("kubernetes"), module("etcd"));
    }

    /** e.g. {@code v1.34.4} */
    String kubernetesVersion() {
        return pinned(KUBERNETES, kubernetesModule.get("go.mod"), "k8s.io/kubernetes");
    }

    /** e.g. {@code v3.6.5} */
    String etcdVersion() {
        return pinned(ETCD, etcdModule.get("go.mod"), "go.etcd.io/etcd/server/v3");
    }

    /** A digest of everything a build reads from the project, with the build's own flags: what a cached build must match. */
    String inputsDigest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map<String, String> module : List.of(kubernetesModule, etcdModule)) {
                for (String file : MODULE_FILES) {
                    sha.update(file.getBytes(StandardCharsets.UTF_8));
                    sha.update(module.get(file).getBytes(StandardCharsets.UTF_8));
                }
            }
            sha.update(String.join(" ", GoModuleBuild.buildFlags(this, "")).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String pinned(Pattern pattern, String goMod, String module) {
        Matcher matcher = pattern.matcher(goMod);
        if (!matcher.find()) {
            throw new IllegalStateException("the lab's go.mod requires no " + module + " on a line of its own");
        }
        return matcher.group(1);
    }

    private static Map<String, String> module(String name) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : MODULE_FILES) {
            String resource = name + "/" + file;
            try (InputStream in = BuildRecipe.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new LabEnvironmentException("The lab's jar lacks its Go module file " + resource + "; rebuild the lab (mvn install).");
                }
                files.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new LabEnvironmentException("Cannot read the lab's Go module file " + resource + ": " + e.getMessage(), e);
            }
        }
        return files;
    }
}
