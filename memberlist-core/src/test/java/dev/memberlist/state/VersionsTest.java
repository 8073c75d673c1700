package dev.memberlist.state;

import dev.memberlist.ProtocolVersions;
import dev.memberlist.wire.Bytes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionsTest {

    @Test
    void parsesTheSixBytesInOrder() {
        assertThat(Versions.parse(Bytes.fromHex("010502030405")))
                .contains(new ProtocolVersions(1, 5, 2, 3, 4, 5));
    }

    @Test
    void fewerThanSixBytesAreNoVersions() {
        assertThat(Versions.parse(Bytes.fromHex("0105020304"))).isEmpty();
    }

    @Test
    void equalVersionsParseToOneSharedInstance() {
        ProtocolVersions first = Versions.parse(Bytes.fromHex("010502000000")).orElseThrow();
        ProtocolVersions second = Versions.parse(Bytes.fromHex("010502000000")).orElseThrow();

        assertThat(second).isSameAs(first);
    }

    @Test
    void manyDistinctVersionsStillParseCorrectly() {
        for (int delegate = 0; delegate < 200; delegate++) {
            Bytes vsn = Versions.toBytes(new ProtocolVersions(1, 5, 2, 0, 255, delegate));

            assertThat(Versions.parse(vsn)).contains(new ProtocolVersions(1, 5, 2, 0, 255, delegate));
        }
    }

    @Test
    void toBytesIsTheInverseOfParse() {
        ProtocolVersions versions = new ProtocolVersions(1, 5, 3, 2, 4, 3);

        assertThat(Versions.parse(Versions.toBytes(versions))).contains(versions);
    }
}
