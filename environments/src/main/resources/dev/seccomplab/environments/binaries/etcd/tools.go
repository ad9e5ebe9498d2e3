//go:build tools

// The etcd command ./lab cluster build makes; this file keeps it in go.mod and go.sum.
package tools

import _ "go.etcd.io/etcd/server/v3"
