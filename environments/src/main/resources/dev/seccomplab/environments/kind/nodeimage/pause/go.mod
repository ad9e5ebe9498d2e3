// The pause program of the kind node's sandbox image, in Go for want of a registry to pull
// registry.k8s.io/pause from. It does what Kubernetes' build/pause/linux/pause.c does.
module dev.seccomplab/pause

go 1.24.0
