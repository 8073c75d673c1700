package dev.memberlist.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.memberlist.wire.WireFormatException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyringTest {

    private static final byte[] KEY_0 = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] KEY_1 = HexFormat.of().parseHex("0f0e0d0c0b0a09080706050403020100");
    private static final byte[] KEY_2 = HexFormat.of().parseHex("08090a0b0c0d0e0f0001020304050607");

    @Test
    void needsAtLeastOneKey() {
        // Go: TestKeyring_EmptyRing (Go allows an empty keyring to mean "no encryption"; here the
        // absence of a keyring means that, so an empty one is refused)
        assertThatIllegalArgumentException().isThrownBy(() -> Keyring.of(List.of()))
                .withMessage("a keyring needs at least one key");
    }

    @Test
    void keyringFromPrimaryKeyOnlyHoldsThatKey() {
        // Go: TestKeyring_PrimaryOnly
        Keyring keyring = Keyring.of(KEY_0);

        assertThat(keyring.keys()).containsExactly(KEY_0);
        assertThat(keyring.primaryKey()).isEqualTo(KEY_0);
    }

    @Test
    void primaryKeyComesFirstAndDuplicatesAreKeptOnce() {
        // Go: TestKeyring_GetPrimaryKey (NewKeyring(TestKeys, TestKeys[1]))
        Keyring keyring = Keyring.of(KEY_1, KEY_0, KEY_1, KEY_2);

        assertThat(keyring.primaryKey()).isEqualTo(KEY_1);
        assertThat(keyring.keys()).containsExactly(KEY_1, KEY_0, KEY_2);
    }

    @Test
    void installUseAndRemoveFollowGoRules() {
        // Go: TestKeyring_AddRemoveUse
        Keyring keyring = Keyring.of(KEY_1);

        assertThatIllegalArgumentException().isThrownBy(() -> keyring.use(KEY_2))
                .withMessage("the requested key is not in the keyring");

        keyring.install(KEY_2);
        assertThat(keyring.keys()).containsExactly(KEY_1, KEY_2);

        keyring.use(KEY_2);
        assertThat(keyring.primaryKey()).isEqualTo(KEY_2);
        assertThat(keyring.keys()).containsExactly(KEY_2, KEY_1);

        assertThatIllegalArgumentException().isThrownBy(() -> keyring.remove(KEY_2))
                .withMessage("removing the primary key is not allowed");

        keyring.remove(KEY_1);
        assertThat(keyring.keys()).containsExactly(KEY_2);
    }

    @Test
    void installingAnInstalledKeyChangesNothing() {
        Keyring keyring = Keyring.of(KEY_0, KEY_1);

        keyring.install(KEY_1.clone());
        keyring.install(KEY_0.clone());

        assertThat(keyring.keys()).containsExactly(KEY_0, KEY_1);
    }

    @Test
    void removingAKeyThatIsNotInstalledChangesNothing() {
        Keyring keyring = Keyring.of(KEY_0, KEY_1);

        keyring.remove(KEY_2);

        assertThat(keyring.keys()).containsExactly(KEY_0, KEY_1);
    }

    @Test
    void usingAKeyMovesItToTheFrontAndKeepsTheOthersInOrder() {
        Keyring keyring = Keyring.of(KEY_0, KEY_1, KEY_2);

        keyring.use(KEY_2);

        assertThat(keyring.keys()).containsExactly(KEY_2, KEY_0, KEY_1);
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "15", "17", "23", "31", "33", "64"})
    void rejectsKeysThatAreNotAesSizedAndNamesOnlyTheLength(int length) {
        byte[] key = new byte[length];
        Arrays.fill(key, (byte) 0x5a);
        String expected = "key size must be 16, 24 or 32 bytes, but was " + length;

        assertThatIllegalArgumentException().isThrownBy(() -> Keyring.of(key)).withMessage(expected);
        assertThatIllegalArgumentException().isThrownBy(() -> Keyring.of(KEY_0, key)).withMessage(expected);
        assertThatIllegalArgumentException().isThrownBy(() -> Keyring.of(KEY_0).install(key)).withMessage(expected);
    }

    @ParameterizedTest
    @CsvSource({"16", "24", "32"})
    void acceptsEveryAesKeySize(int length) {
        byte[] key = new byte[length];

        Keyring keyring = Keyring.of(KEY_0);
        keyring.install(key);

        assertThat(keyring.keys()).containsExactly(KEY_0, key);
    }

    @Test
    void rejectsNullKeys() {
        assertThatNullPointerException().isThrownBy(() -> Keyring.of(KEY_0, (byte[]) null));
        assertThatNullPointerException().isThrownBy(() -> Keyring.of(KEY_0).use(null));
        assertThatNullPointerException().isThrownBy(() -> Keyring.of(KEY_0).remove(null));
    }

    @Test
    void keepsItsOwnCopiesOfTheKeys() {
        byte[] given = KEY_0.clone();
        Keyring keyring = Keyring.of(given);

        given[0] = 99;
        keyring.keys().get(0)[1] = 99;
        keyring.primaryKey()[2] = 99;

        assertThat(keyring.keys()).containsExactly(KEY_0);
    }

    @Test
    void toStringShowsTheKeyCountButNeverTheKeys() {
        byte[] key = "sixteen byte key".getBytes(StandardCharsets.US_ASCII);

        assertThat(Keyring.of(key)).hasToString("Keyring[1 key]");
        assertThat(Keyring.of(key, KEY_1, KEY_2)).hasToString("Keyring[3 keys]");
    }

    @Test
    void fingerprintsNameTheKeysPrimaryFirstAndFollowARotation() {
        Keyring keyring = Keyring.of(KEY_0, KEY_1);

        assertThat(keyring.fingerprints()).containsExactly("be45cb2605bf36be", "1f919296baf10802");
        keyring.use(KEY_1);
        assertThat(keyring.fingerprints()).containsExactly("1f919296baf10802", "be45cb2605bf36be");
        keyring.remove(KEY_0);
        assertThat(keyring.fingerprints()).containsExactly(KeyFingerprint.of(KEY_1));
    }

    @Test
    void readersSeeAConsistentKeyringWhileAnotherThreadRotatesKeys() throws Exception {
        // KEY_0 and KEY_1 stay installed throughout and take turns as primary, while KEY_2 comes and
        // goes; whatever the reader catches, a payload it seals must open again. The rotator keeps
        // going until the reader is done, so the two overlap for the reader's whole run.
        Keyring keyring = Keyring.of(KEY_0, KEY_1);
        byte[] plaintext = "rotating".getBytes(StandardCharsets.US_ASCII);
        AtomicBoolean readerDone = new AtomicBoolean();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> rotator = threads.submit(() -> {
                start.await();
                while (!readerDone.get()) {
                    rotateTo(keyring, KEY_1);
                    rotateTo(keyring, KEY_0);
                }
                return null;
            });
            Future<List<String>> reader = threads.submit(() -> {
                try {
                    start.await();
                    return readWhileRotating(keyring, plaintext);
                } finally {
                    readerDone.set(true);
                }
            });

            assertThat(reader.get(30, TimeUnit.SECONDS)).isEmpty();
            rotator.get(30, TimeUnit.SECONDS);
            assertThat(keyring.keys()).containsExactly(KEY_0, KEY_1);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void rotateTo(Keyring keyring, byte[] primary) {
        keyring.install(KEY_2);
        keyring.use(primary);
        keyring.remove(KEY_2);
    }

    private static List<String> readWhileRotating(Keyring keyring, byte[] plaintext) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] sealed = PayloadCipher.encrypt(EncryptionVersion.V1, keyring, plaintext, new byte[0]);
            try {
                if (!Arrays.equals(PayloadCipher.decrypt(keyring, sealed, 0, sealed.length, new byte[0]), plaintext)) {
                    problems.add("round trip changed the plaintext in round " + i);
                }
            } catch (WireFormatException e) {
                problems.add("could not open own payload in round " + i + ": " + e.getMessage());
            }
            List<byte[]> keys = keyring.keys();
            boolean primaryIsStable = Arrays.equals(keys.get(0), KEY_0) || Arrays.equals(keys.get(0), KEY_1);
            long stableKeys = keys.stream()
                    .filter(key -> Arrays.equals(key, KEY_0) || Arrays.equals(key, KEY_1))
                    .count();
            if (!primaryIsStable || stableKeys != 2 || keys.size() > 3) {
                problems.add("inconsistent snapshot of " + keys.size() + " keys in round " + i);
            }
        }
        return problems;
    }
}
