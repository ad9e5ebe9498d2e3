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

    @Override
    public void close() {
        shellChannel.close();
        controlChannel.close();
        super.close();
    }

    @Override
    public void waitUntilClose() {
        shellChannel.waitUntilClose();
        controlChannel.waitUntilClose();
        heartbeat.waitUntilClose();
    }
}
