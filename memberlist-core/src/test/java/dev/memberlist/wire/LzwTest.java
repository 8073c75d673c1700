package dev.memberlist.wire;

import static dev.memberlist.wire.LzwFixtures.allBytes;
import static dev.memberlist.wire.LzwFixtures.codes;
import static dev.memberlist.wire.LzwFixtures.random;
import static dev.memberlist.wire.LzwFixtures.run;
import static dev.memberlist.wire.LzwFixtures.text;
import static dev.memberlist.wire.LzwFixtures.withoutLeadingClear;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LzwTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final int CLEAR = 256;
    private static final int EOF = 257;
    private static final String PING = "0085a44e6f6465a66e6f64652d62a55365714e6f2aaa536f7572636541646472a47f000001"
            + "aa536f757263654e6f6465a66e6f64652d61aa536f75726365506f7274cd1f0a";

    // Expected outputs: Go 1.19 compress/lzw, lzw.NewWriter(w, lzw.LSB, 8).
    @ParameterizedTest
    @CsvSource({
        "'', 000302",
        "61, 00c30404",
        "6162, 00c3880908",
        "616161, 00c3080c08",
        "68656c6c6f2068656c6c6f2068656c6c6f2068656c6c6f, 00d19461c3e60d0881040d222c787060c180",
        "544f42454f524e4f54544f42454f52544f42454f524e4f5423, 00a93c1152e48914274fa80824687061c18309470404",
        PING + ", 00011422e5e40d9932a6dc182cd3424ca92965e21454a16aca9b3a72c6940942868c1c527f00000850f162c632050f"
                + "265cd8224c498c1aa1bc9143a7d907050101",
        "0383a446726f6da66e6f64652d61ab496e6361726e6174696f6e05a44e6f6465a66e6f64652d62,"
                + " 00070c226544ce9b36a6dcbc2153a645985549dc8c0923c74d183a69deb82940cac9c232093fb6101310",
        "00000000000000000000000000000000, 0001081c48b0208080",
        "7ef4e84544236752fbb56b8f31a23a10e42814f5f55ca037cdcc11c64c9a3b2949c1bb60700314611732a6c2fea98eebc0266a11a9"
                + "3970100e979fc2ea849870, 00fdd0435784c8883352f6d55af32886281d10c8a1a050af1e1750379a318b608c89a61d29"
                + "9204db0506ce000a612ec83025cc5f2a47eb8099501321550e38101c5cfa244c1d214c700202",
    })
    void compressesSmallInputsLikeGo(String input, String go) {
        byte[] bytes = HEX.parseHex(input);

        assertThat(HEX.formatHex(Lzw.compress(bytes))).isEqualTo(go);
        assertThat(decompress(HEX.parseHex(go))).isEqualTo(bytes);
    }

    @Test
    void compressesEveryByteValueAndLongRunsLikeGo() {
        assertThat(HEX.formatHex(Lzw.compress(allBytes(1)))).isEqualTo(
                "00010410308040010307102450b0804103070f204490308142050b173064d0b08143070f1f40841031824409132750"
                + "a450b182450b172f60c4903183460d1b3770e4d0b183470f1f3f800411328448112347902451b2844913274fa04491"
                + "32854a152b57b064d1b2854b172f5fc0841133864c193367d0a451b3864d1b376fe0c49133874e1d3b77f0e4d1b38"
                + "74f1f3f7f000512348850214387102552b4885123478f204592348952254b973065d2b48953274f9f408512358a54"
                + "2953a750a552b58a552b57af60c592358b562d5bb770e5d2b58b572f5fbf800513368c583163c7902553b68c59336"
                + "7cfa04593368d5a356bd7b065d3b68d5b376fdfc08513378e5c3973e7d0a553b78e5d3b77efe0c593378f5e3d7bf7"
                + "f0e5d3b78f5f3f7fff0404");
        assertThat(HEX.formatHex(Lzw.compress(run(100, 'a')))).isEqualTo("00c3081c48b0a0c18308132a5cc8b061c280");
        assertThat(HEX.formatHex(Lzw.compress(text(100, 3)))).isEqualTo(
                "00e7d49903a7cc183a20c8bc39034220418308c3b04963a70c083a682c3a2c7830e142106f2aca012912c4993773e6"
                + "a481e391219b307af2806853a68d98327226ce417832e54a1012295a0c8913849937780202");
    }

    @Test
    void compressesAfterALargeInputExactlyAsBeforeIt() {
        byte[] small = HEX.parseHex("0383a446726f6da66e6f64652d61ab496e6361726e6174696f6e05a44e6f6465a66e6f64652d62");
        byte[] before = Lzw.compress(small);

        Lzw.compress(text(50_000, 7));
        Lzw.compress(allBytes(3));

        assertThat(Lzw.compress(small)).isEqualTo(before);
    }

    @Test
    void compressesPartOfAnArray() {
        byte[] framed = HEX.parseHex("ffff" + "68656c6c6f2068656c6c6f2068656c6c6f2068656c6c6f" + "ff");

        assertThat(HEX.formatHex(Lzw.compress(framed, 2, 23))).isEqualTo("00d19461c3e60d0881040d222c787060c180");
    }

    // Inputs long enough to fill the 4096-code table and reset it; Go's output is pinned by length and SHA-256.
    @ParameterizedTest
    @CsvSource({
        "random,   102400, 1,   140204, 8cba450aca69c7648190a459b6328c182e1c05284f02024d6b55ed763cd8aa0e",
        "random,  1048576, 3,  1435947, 220ebe320e8e9e8cef27d2644e57bb34830764a4e4b9c1461f8b15bcf80db51b",
        "text,     204800, 2,    40521, 629ca7b4b7cffbca060b209e4a77e0e13d3a45332ff39523e720241629f74fdb",
        "allBytes,     64, 0,     3806, 82f09fa1123915190a75618d06dda2ca640a80d27c44d868039dffa944fcee98",
        "run,       50000, 120,    366, 67beef28e0a35bdc2ef77e282e49b7b581573a03edb9450bfd7f7d4e11f5c6d2",
        "run,     1048576, 0,     1866, 142dea43e66e6da0eae56fc06c0aa26831b3256bd6f62263027c459100c56311",
    })
    void compressesLargeInputsLikeGo(String generator, int size, long seed, int goLength, String goSha256) {
        byte[] input = switch (generator) {
            case "random" -> random(size, seed);
            case "text" -> text(size, seed);
            case "allBytes" -> allBytes(size);
            case "run" -> run(size, (int) seed);
            default -> throw new IllegalArgumentException(generator);
        };

        byte[] compressed = Lzw.compress(input);

        assertThat(compressed).hasSize(goLength);
        assertThat(sha256(compressed)).isEqualTo(goSha256);
        assertThat(decompress(compressed)).isEqualTo(input);
        assertThat(decompress(withoutLeadingClear(compressed))).isEqualTo(input);
    }

    // Every prefix length in a range: the table fills (and the final code forces a reset) at some length within it.
    @ParameterizedTest
    @CsvSource({
        "random, 5000, 4, 3700, 4500, 4444086, c1109d51d4251b8962418dbe7e99e64586ffaf2ccead6fc77da607a8a6be4ea2",
        "text,  20000, 5,    0,  600,  103101, fd46f69c55f3a17d1ca66b757cf7c057c45d9cd55b2e193554c826f5a49172a2",
    })
    void compressesEveryPrefixLengthLikeGo(String generator, int size, long seed, int from, int to,
            int goLength, String goSha256) {
        byte[] source = generator.equals("random") ? random(size, seed) : text(size, seed);
        ByteArrayOutputStream all = new ByteArrayOutputStream();

        for (int n = from; n < to; n++) {
            byte[] compressed = Lzw.compress(source, 0, n);
            assertThat(decompress(compressed)).as("prefix %d", n).hasSize(n);
            all.writeBytes(compressed);
        }

        assertThat(all.size()).isEqualTo(goLength);
        assertThat(sha256(all.toByteArray())).isEqualTo(goSha256);
    }

    // Streams as Go writers before 1.17 wrote them (no leading CLEAR); Go 1.19's reader decodes each to the input.
    @ParameterizedTest
    @CsvSource({
        "0101, ''",
        "610202, 61",
        "61c40404, 6162",
        "68cab061f3068440820611163c38b06040, 68656c6c6f2068656c6c6f2068656c6c6f2068656c6c6f",
        "000a9172f2864c19536e0c966921a6d49432710aaa5035e54d1d3963ca042143460ea93f000004a8783163998207132e6c11a62"
                + "4468d50dec8a1d3ec83828000, " + PING,
    })
    void decompressesStreamsWithoutLeadingClear(String stream, String output) {
        assertThat(decompress(HEX.parseHex(stream))).isEqualTo(HEX.parseHex(output));
    }

    @Test
    void decompressesClearCodesAnywhere() {
        assertThat(decompress(codes(CLEAR, 'a', 'b', CLEAR, 'c', 'd', 258, EOF))).isEqualTo(bytes("abcdcd"));
        assertThat(decompress(codes(CLEAR, CLEAR, CLEAR, 'x', EOF))).isEqualTo(bytes("x"));
    }

    @Test
    void decompressesCodesThatAreDefinedByThemselves() {
        assertThat(decompress(codes('a', 258, EOF))).isEqualTo(bytes("aaa"));
        assertThat(decompress(codes('a', 'b', 258, 260, EOF))).isEqualTo(bytes("abababa"));
    }

    @Test
    void keepsDecodingWithAFullTableUntilTheNextClear() {
        int[] stream = new int[4003];
        for (int i = 0; i < 4000; i++) {
            stream[i] = i % 256;
        }
        stream[4000] = 4095;
        stream[4001] = 300;
        stream[4002] = EOF;

        byte[] output = decompress(codes(stream));

        // Go 1.19 decodes this stream to the same 4004 bytes.
        assertThat(output).hasSize(4004);
        assertThat(sha256(output)).isEqualTo("7c7844c811009da670114cadaf615ca0dadf54969ceaf53b8074cac0d99dce55");
        assertThat(HEX.formatHex(output, 3998, 4004)).isEqualTo("9e9ffdfe2a2b");
    }

    @Test
    void ignoresBytesAfterTheEofCode() {
        assertThat(decompress(HEX.parseHex("00c30404ffff"))).isEqualTo(bytes("a"));
    }

    @Test
    void rejectsCodesBeyondTheDictionary() {
        assertBadCompression(codes('a', 259, EOF));
        assertBadCompression(codes(CLEAR, 258, EOF));
    }

    @Test
    void rejectsStreamsThatEndWithoutEof() {
        assertBadCompression(new byte[0]);
        assertBadCompression(codes('a'));
        byte[] stream = Lzw.compress(text(1000, 9));
        assertBadCompression(Arrays.copyOf(stream, stream.length - 2));
    }

    @Test
    void acceptsOutputOfExactlyTheCap() {
        byte[] input = run(10_000, 0);
        byte[] stream = Lzw.compress(input);

        assertThat(Lzw.decompress(stream, 0, stream.length, input.length)).isEqualTo(input);
        assertThat(Lzw.decompress(Lzw.compress(new byte[0]), 0, 3, 0)).isEmpty();
    }

    @Test
    void rejectsOutputBeyondTheCap() {
        byte[] stream = Lzw.compress(run(1 << 20, 0));

        assertThatThrownBy(() -> Lzw.decompress(stream, 0, stream.length, (1 << 20) - 1))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.OVERSIZED));
        assertThatThrownBy(() -> Lzw.decompress(codes('a', EOF), 0, 3, 0))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.OVERSIZED));
    }

    @Test
    void aBombStreamExpandsMoreThanAThousandfold() {
        byte[] stream = LzwFixtures.bomb(6000);

        byte[] out = Lzw.decompress(stream, 0, stream.length, 16 << 20);

        assertThat(stream.length).isLessThanOrEqualTo(6000);
        assertThat(out.length).isGreaterThan(1000 * stream.length);
        assertThat(out[0] | out[out.length / 2] | out[out.length - 1]).isZero();
    }

    @Test
    void refusesABombBeforeAllocatingMuchPastTheCap() {
        AllocationMeter.assumeSupported();
        byte[] stream = LzwFixtures.bomb(65_000);
        int cap = 1 << 20;

        long before = AllocationMeter.allocatedBytes();
        Throwable thrown = catchThrowable(() -> Lzw.decompress(stream, 0, stream.length, cap));
        long allocated = AllocationMeter.allocatedBytes() - before;

        assertThat(thrown).isInstanceOfSatisfying(WireFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.OVERSIZED));
        assertThat(allocated).as("bytes allocated").isLessThan(3L * cap);
    }

    @Test
    void aShortStreamAllocatesInProportionToItsLength() {
        AllocationMeter.assumeSupported();
        byte[] stream = codes('a', 'b', EOF);
        int calls = 1000;

        long before = AllocationMeter.allocatedBytes();
        for (int i = 0; i < calls; i++) {
            Lzw.decompress(stream, 0, stream.length, 1 << 20);
        }
        long perCall = (AllocationMeter.allocatedBytes() - before) / calls;

        assertThat(perCall).as("bytes allocated per call for a %d-byte stream", stream.length).isLessThan(256);
    }

    @Test
    void decompressesPartOfAnArray() {
        byte[] framed = HEX.parseHex("ff" + "00d19461c3e60d0881040d222c787060c180" + "ee");

        assertThat(Lzw.decompress(framed, 1, 18, 100)).isEqualTo(bytes("hello hello hello hello"));
    }

    @Test
    void roundTripsRandomInputs() {
        long seed = 0x5eed_1a2bL;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 2_000; i++) {
            int alphabet = 1 + random.nextInt(256);
            byte[] input = new byte[random.nextInt(i < 1_900 ? 2_000 : 20_000)];
            for (int j = 0; j < input.length; j++) {
                input[j] = (byte) random.nextInt(alphabet);
            }

            byte[] compressed = Lzw.compress(input);

            assertThat(decompress(compressed)).as("seed %d, input %d", seed, i).isEqualTo(input);
            assertThat(decompress(withoutLeadingClear(compressed))).as("seed %d, input %d", seed, i)
                    .isEqualTo(input);
        }
    }

    private static byte[] decompress(byte[] stream) {
        return Lzw.decompress(stream, 0, stream.length, Lzw.MAX_DECOMPRESSED_BYTES);
    }

    private static void assertBadCompression(byte[] stream) {
        assertThatThrownBy(() -> decompress(stream))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.BAD_COMPRESSION));
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    private static String sha256(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
