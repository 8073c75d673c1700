package dev.memberlist.spring.metadata;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Node metadata as text: URL-encoded {@code key=value} pairs joined by {@code &}, keys sorted, in
 * UTF-8. The starter encodes {@code memberlist.meta} this way; decode {@code Node.meta()} of a peer
 * with {@link #decode}.
 */
public final class NodeMetadata {
    private NodeMetadata() {
    }

    /**
     * @param pairs the keys and values; keys must not be empty
     * @return the encoded metadata; empty for no pairs
     * @throws IllegalArgumentException when a key is empty
     */
    public static byte[] encode(Map<String, String> pairs) {
        StringJoiner text = new StringJoiner("&");
        new TreeMap<>(pairs).forEach((key, value) -> {
            if (key.isEmpty()) {
                throw new IllegalArgumentException("metadata keys must not be empty");
            }
            text.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param meta metadata bytes, as {@code Node.meta()} returns them
     * @return the pairs in their encoded order, or empty when the bytes are not in this form (a
     *     node that is not a Spring application may use any bytes)
     */
    public static Optional<Map<String, String>> decode(byte[] meta) {
        if (meta.length == 0) {
            return Optional.of(Map.of());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(meta)).toString();
            Map<String, String> pairs = new LinkedHashMap<>();
            for (String pair : text.split("&", -1)) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    return Optional.empty();
                }
                pairs.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return Optional.of(Collections.unmodifiableMap(pairs));
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
