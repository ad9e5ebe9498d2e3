package dev.seccomplab.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

/** JJava's kernel_info_reply with the {@code status} field the protocol requires and JJava leaves out. */
final class KernelInfo extends KernelInfoReply {

    @SuppressWarnings("unused") // serialised by Gson
    private final String status = "ok";

    KernelInfo(String implementation, String version, LanguageInfo language, String banner, List<HelpLink> helpLinks) {
        super("5.3", implementation, version, language, banner, helpLinks);
    }
}
