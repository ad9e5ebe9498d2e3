package dev.seccomplab.kernel;

import java.util.Map;
import org.dflib.jjava.jupyter.channels.ReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

/** A cell's outputs as Jupyter messages on the IOPub channel of the request that ran it. */
final class IoPubOutputs implements CellExecution.Outputs {

    private final ReplyEnvironment env;
    private final int count;
    private final boolean silent;

    /** @param silent as the request says: then, as in ipykernel, the cell's value is not broadcast */
    IoPubOutputs(ReplyEnvironment env, int count, boolean silent) {
        this.env = env;
        this.count = count;
        this.silent = silent;
    }

    @Override
    public void stream(PublishStream.StreamType type, String text) {
        env.publish(new PublishStream(type, text));
    }

    @Override
    public void display(Map<String, String> bundle) {
        DisplayData data = new DisplayData();
        bundle.forEach(data::putData);
        env.publish(new PublishDisplayData(data));
    }

    @Override
    public void result(String value) {
        if (!silent) {
            env.publish(new PublishExecuteResult(count, new DisplayData(value)));
        }
    }

    @Override
    public void error(CellException error) {
        env.publish(new PublishError(error.name(), error.getMessage(), error.traceback()));
    }
}
