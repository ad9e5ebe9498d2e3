package dev.seccomplab.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * The shell and control channels, served by a thread that waits on the socket instead of
 * sleeping between polls (JJava's loop sleeps 50 ms, which every request would pay), and that
 * drops a message with a wrong signature instead of dying on it (JJava's loop has no error
 * handler, so one forged message would end the channel).
 */
final class PollingShellChannel extends ShellChannel {

    private static final Logger LOG = LoggerFactory.getLogger(PollingShellChannel.class);
    private static final int POLL_TIMEOUT_MS = 100;

    private final boolean control;
    private final JupyterConnection connection;
    private volatile boolean running;
    private Thread loop;

    PollingShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection) {
        super(context, hmac, control, connection);
        this.control = control;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        int port = control ? properties.getControlPort() : properties.getShellPort();
        bind(properties.getTransport() + "://" + properties.getIp() + ":" + port);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        loop = new Thread(() -> serve(poller), control ? "kernel-control" : "kernel-shell");
        loop.start();
    }

    private void serve(ZMQ.Poller poller) {
        while (running) {
            if (poller.poll(POLL_TIMEOUT_MS) <= 0) {
                continue;
            }
            Message<?> message;
            try {
                message = readMessage();
            } catch (SecurityException badSignature) {
                LOG.warn("Dropped a message on the {} channel: {}", control ? "control" : "shell", badSignature.getMessage());
                continue;
            } catch (RuntimeException unreadable) {
                LOG.warn("Dropped an unreadable message on the {} channel: {}", control ? "control" : "shell", unreadable.toString());
                continue;
            }
            dispatch(message);
        }
        poller.close();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(Message<?> message) {
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.warn("No handler for {}", message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            LOG.warn("Handling {} failed: {}", message.getHeader().getType().getName(), e.toString());
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            running = false;
            connection.close();
        }
    }

    @Override
    public void close() {
        running = false;
        super.close();
    }

    boolean isLoopThread() {
        return loop == Thread.currentThread();
    }

    @Override
    public void waitUntilClose() {
        if (loop != null && loop != Thread.currentThread()) {
            try {
                loop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
