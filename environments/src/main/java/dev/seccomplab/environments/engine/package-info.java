/**
 * What the environments that run on the Docker engine share, as kind's providers share
 * {@code providers/common}: the connection, the reaping of labelled containers and their volumes,
 * exec, and whether (and with which runtime) privileged containers start here. The docker and kind
 * environments import this package, never each other.
 */
package dev.seccomplab.environments.engine;
