package dev.seccomplab.environments.containerd;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors;
import dev.seccomplab.environments.containerd.api.CriV1Subset;
import io.grpc.MethodDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-made method descriptors against the services the .proto file declares: same names, same messages. */
class CriMethodsTest {

    @Test
    void everyDescriptorIsAMethodOfTheProtoWithItsMessages() throws Exception {
        List<MethodDescriptor<?, ?>> descriptors = descriptors();
        int declared = 0;
        for (Descriptors.ServiceDescriptor service : CriV1Subset.getDescriptor().getServices()) {
            for (Descriptors.MethodDescriptor method : service.getMethods()) {
                declared++;
                MethodDescriptor<?, ?> ours = descriptors.stream()
                        .filter(d -> d.getFullMethodName().equals(service.getFullName() + "/" + method.getName()))
                        .findFirst().orElseThrow(() -> new AssertionError("no descriptor for " + method.getFullName()));
                assertThat(ours.getType()).isEqualTo(MethodDescriptor.MethodType.UNARY);
                assertThat(messageOf(ours.getRequestMarshaller())).isEqualTo(method.getInputType());
                assertThat(messageOf(ours.getResponseMarshaller())).isEqualTo(method.getOutputType());
            }
        }
        assertThat(descriptors).hasSize(declared);
        assertThat(CriMethods.VERSION.getFullMethodName()).isEqualTo("runtime.v1.RuntimeService/Version");
    }

    private static Descriptors.Descriptor messageOf(MethodDescriptor.Marshaller<?> marshaller) {
        return ((com.google.protobuf.Message) ((MethodDescriptor.PrototypeMarshaller<?>) marshaller).getMessagePrototype())
                .getDescriptorForType();
    }

    private static List<MethodDescriptor<?, ?>> descriptors() throws IllegalAccessException {
        List<MethodDescriptor<?, ?>> all = new ArrayList<>();
        for (Field field : CriMethods.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == MethodDescriptor.class) {
                all.add((MethodDescriptor<?, ?>) field.get(null));
            }
        }
        return all;
    }

}
