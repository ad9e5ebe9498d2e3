package dev.seccomplab.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

/**
 * JJava's connection with our shell and control channels in place of its own (see
 * {@link PollingShellChannel}). Every socket binds only to the transport, address and port the
 * connection file names.
 */
final class LabConnection extends JupyterConnection {

    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final PollingShellChannel shellChannel;
    private final PollingShellChannel controlChannel;

    LabConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        HMACGenerator hmac = properties.createHMACGenerator();
        this.shellChannel = new PollingShellChannel(context, hmac, false, this);
        this.controlChannel = new PollingShellChannel(context, hmac, true, this);
    }

    @Override
    public void connect() {
        heartbeat.bind(properties);
        iopub.bind(properties);
        stdin.bind(properties);
        controlChannel.bind(properties);
        shellChannel.bind(properties);
    }

    /**
     * Closes every channel, then ends this connection's own ZMQ context once both loops have let
     * go of their sockets. A shutdown_request closes from inside a loop, which cannot wait for
     * itself: the context then ends on a thread of its own.
     */
    @Override
    public void close() {
        shellChannel.close();
        controlChannel.close();
        super.close();
        if (shellChannel.isLoopThread() || controlChannel.isLoopThread()) {
            Thread terminate = new Thread(this::terminateContext, "zmq-context-close");
            terminate.setDaemon(true);
            terminate.start();
        } else {
            terminateContext();
        }
    }

    private void terminateContext() {
        shellChannel.waitUntilClose();
        controlChannel.waitUntilClose();
        context.term();
    }

    @Override
    public void waitUntilClose() {
        shellChannel.waitUntilClose();
        controlChannel.waitUntilClose();
        heartbeat.waitUntilClose();
    }
}
