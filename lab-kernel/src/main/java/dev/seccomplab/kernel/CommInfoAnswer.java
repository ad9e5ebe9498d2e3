package dev.seccomplab.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.ReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;

/** JJava's comm_info_reply with the {@code status} field the protocol requires and JJava leaves out. */
final class CommInfoAnswer extends CommInfoReply {

    @SuppressWarnings("unused") // serialised by Gson
    private final String status = "ok";

    CommInfoAnswer(Map<String, CommInfo> comms) {
        super(comms);
    }

    /** JJava's comm manager, answering comm_info with a status. */
    static final class Manager extends CommManager {

        @Override
        public void handleCommInfoRequest(ReplyEnvironment env, Message<CommInfoRequest> message) {
            String target = message.getContent().getTargetName();
            env.setBusyDeferIdle();
            Map<String, CommInfo> comms = new LinkedHashMap<>();
            for (Comm comm : this) {
                if (target == null || target.equals(comm.getTargetName())) {
                    comms.put(comm.getID(), new CommInfo(comm.getTargetName()));
                }
            }
            env.reply(new CommInfoAnswer(comms));
        }
    }
}
