package dev.seccomplab.environments.binaries;

import java.net.URI;
import java.util.Map;

/**
 * Where the official release binaries are published: Kubernetes' at dl.k8s.io (each file with a
 * {@code .sha256} beside it), etcd's on GitHub (a tarball, listed in {@code SHA256SUMS}). A mirror
 * can be named with {@code SECCOMP_LAB_KUBERNETES_RELEASE_URL} and {@code SECCOMP_LAB_ETCD_RELEASE_URL}.
 */
record ReleaseSources(URI kubernetes, URI etcd) {

    static final String KUBERNETES_VARIABLE = "SECCOMP_LAB_KUBERNETES_RELEASE_URL";
    static final String ETCD_VARIABLE = "SECCOMP_LAB_ETCD_RELEASE_URL";
    static final URI KUBERNETES = URI.create("https://dl.k8s.io/release");
    static final URI ETCD = URI.create("https://github.com/etcd-io/etcd/releases/download");

    static ReleaseSources fromEnvironment() {
        return of(System.getenv());
    }

    static ReleaseSources of(Map<String, String> environment) {
        return new ReleaseSources(uri(environment.get(KUBERNETES_VARIABLE), KUBERNETES), uri(environment.get(ETCD_VARIABLE), ETCD));
    }

    private static URI uri(String value, URI fallback) {
        return value == null || value.isBlank() ? fallback : URI.create(value.replaceAll("/+$", ""));
    }
}
