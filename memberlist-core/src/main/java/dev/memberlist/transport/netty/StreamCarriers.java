package dev.memberlist.transport.netty;

import dev.memberlist.transport.StreamLayer;
import dev.memberlist.transport.StreamLayerUnavailableException;

import java.lang.reflect.InvocationTargetException;

/**
 * Makes the {@link StreamCarrier} for the configured {@link StreamLayer}. QUIC is looked up by name, so
 * that this package links without the optional QUIC libraries.
 */
final class StreamCarriers {

    static final String QUIC_CARRIER = "dev.memberlist.transport.quic.QuicStreamCarrier";
    static final String QUIC_ARTIFACTS = "io.netty:netty-codec-classes-quic and io.netty:netty-codec-native-quic "
            + "(classifier linux-x86_64, or your platform's)";

    private StreamCarriers() {
    }

    static StreamCarrier create(StreamCarrierContext context, IoMode mode) {
        return switch (context.config().streamLayer()) {
            case TCP -> new TcpStreamCarrier(context, mode);
            case QUIC -> quic(context, QUIC_CARRIER);
        };
    }

    /**
     * @param carrierClass the QUIC carrier's class name (a test names a missing one)
     * @throws StreamLayerUnavailableException when the QUIC libraries are not on the classpath
     */
    static StreamCarrier quic(StreamCarrierContext context, String carrierClass) {
        try {
            return (StreamCarrier) Class.forName(carrierClass).getMethod("create", StreamCarrierContext.class)
                    .invoke(null, context);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw missing(e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw missing(e);
        }
    }

    private static StreamLayerUnavailableException missing(Throwable cause) {
        return new StreamLayerUnavailableException("QUIC streams are configured, but the QUIC libraries are not on the "
                + "classpath: add " + QUIC_ARTIFACTS + ", version 4.2.18.Final as Netty's BOM manages it", cause);
    }
}
