package dev.memberlist.wire;

import java.util.List;
import java.util.Objects;

/** One complete message read from a TCP stream, after label, decryption and decompression. */
public sealed interface StreamMessage {

    /**
     * A push/pull exchange: a whole node table and the application's state.
     *
     * @param header the header
     * @param nodes exactly {@code header.nodes()} entries
     * @param userState exactly {@code header.userStateLen()} bytes
     */
    record PushPull(PushPullHeader header, List<PushNodeState> nodes, Bytes userState) implements StreamMessage {
        /** Copies the list. */
        public PushPull {
            Objects.requireNonNull(header, "header");
            nodes = List.copyOf(nodes);
            Objects.requireNonNull(userState, "userState");
        }
    }

    /**
     * A reliable user message.
     *
     * @param payload the application's bytes
     */
    record User(Bytes payload) implements StreamMessage {
        /** Validates the field. */
        public User {
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * A TCP fallback ping.
     *
     * @param ping the ping
     */
    record PingRequest(Ping ping) implements StreamMessage {
        /** Validates the field. */
        public PingRequest {
            Objects.requireNonNull(ping, "ping");
        }
    }

    /**
     * The answer to a TCP ping.
     *
     * @param ack the ack
     */
    record Ack(AckResponse ack) implements StreamMessage {
        /** Validates the field. */
        public Ack {
            Objects.requireNonNull(ack, "ack");
        }
    }

    /**
     * A responder's error.
     *
     * @param error the error
     */
    record Error(ErrorResponse error) implements StreamMessage {
        /** Validates the field. */
        public Error {
            Objects.requireNonNull(error, "error");
        }
    }
}
