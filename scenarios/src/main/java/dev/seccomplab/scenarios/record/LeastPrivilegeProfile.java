package dev.seccomplab.scenarios.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;

/**
 * The Localhost profile a recording makes: the recorded calls allowed, everything else refused
 * with EPERM. It holds no count, time or host, so that recording the same workload again gives the
 * same file. Its {@code comment} says what produced it; runtimes read the profile with Go's JSON
 * decoder, which passes over a field it does not know.
 */
public record LeastPrivilegeProfile(Recording recording, RecordedCalls calls) {

    /** libseccomp's name for the only architecture the trace names calls of. */
    static final String ARCHITECTURE = "SCMP_ARCH_X86_64";
    static final int EPERM = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    /** The OCI / Docker JSON form the kubelet hands to the runtime. */
    public String json() {
        try {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
            return JSON.writer(printer).writeValueAsString(jsonTree()) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same, as a tree, for what reads a profile (its summary, its chart). */
    public ObjectNode jsonTree() {
        ObjectNode profile = JSON.createObjectNode();
        ArrayNode comment = profile.putArray("comment");
        comment.add("Made by Seccomp Lab: lab record " + recording.name() + " on " + calls.environment() + ".");
        comment.add("Each allowed call was seen by the kernel while " + recording.workload() + " (" + recording.source()
                + ") ran under RuntimeDefault and did: " + String.join("; ", recording.exercise().stream()
                .map(command -> String.join(" ", command)).toList()) + ".");
        comment.add("Every other call fails with EPERM. A code path the exercise did not take may need a call that is not here.");
        profile.put("defaultAction", "SCMP_ACT_ERRNO");
        profile.put("defaultErrnoRet", EPERM);
        profile.putArray("architectures").add(ARCHITECTURE);
        ObjectNode allowed = profile.putArray("syscalls").addObject();
        names(allowed.putArray("names"));
        allowed.put("action", "SCMP_ACT_ALLOW");
        return profile;
    }

    /** The same profile as the Security Profiles Operator's {@code SeccompProfile} resource. */
    public String securityProfilesOperatorResource() {
        ObjectNode resource = YAML.createObjectNode();
        resource.put("apiVersion", "security-profiles-operator.x-k8s.io/v1beta1");
        resource.put("kind", "SeccompProfile");
        resource.putObject("metadata").put("name", recording.name());
        ObjectNode spec = resource.putObject("spec");
        spec.put("defaultAction", "SCMP_ACT_ERRNO");
        spec.putArray("architectures").add(ARCHITECTURE);
        ObjectNode allowed = spec.putArray("syscalls").addObject();
        allowed.put("action", "SCMP_ACT_ALLOW");
        names(allowed.putArray("names"));
        try {
            return "# Made by Seccomp Lab: lab record " + recording.name() + " on " + calls.environment() + "\n"
                    + YAML.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void names(ArrayNode names) {
        calls.calls().keySet().forEach(names::add);
    }
}
