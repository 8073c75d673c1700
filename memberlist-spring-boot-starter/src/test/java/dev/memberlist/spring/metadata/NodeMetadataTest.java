package dev.memberlist.spring.metadata;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NodeMetadataTest {

    @Test
    void encodesSortedUrlEncodedPairs() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("zone", "eu west");
        pairs.put("a&b", "x=y");
        pairs.put("empty", "");

        assertThat(new String(NodeMetadata.encode(pairs), StandardCharsets.UTF_8)).isEqualTo("a%26b=x%3Dy&empty=&zone=eu+west");
    }

    @Test
    void decodesWhatItEncodes() {
        Map<String, String> pairs = Map.of("zone", "eu west", "a&b", "x=y", "name", "ünïcode");

        assertThat(NodeMetadata.decode(NodeMetadata.encode(pairs))).contains(pairs);
    }

    @Test
    void emptyMetadataIsNoPairs() {
        assertThat(NodeMetadata.encode(Map.of())).isEmpty();
        assertThat(NodeMetadata.decode(new byte[0])).contains(Map.of());
    }

    @Test
    void bytesInAnotherFormDoNotDecode() {
        assertThat(NodeMetadata.decode(new byte[] {(byte) 0xc3, 0x28})).isEmpty();
        assertThat(NodeMetadata.decode("novalue".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(NodeMetadata.decode("=value".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(NodeMetadata.decode("k=%zz".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void emptyKeysAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> NodeMetadata.encode(Map.of("", "v")));
    }
}
