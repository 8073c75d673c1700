package dev.memberlist.security;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyringTest {

    private static final byte[] KEY_A = key(1, 16);
    private static final byte[] KEY_B = key(2, 24);
    private static final byte[] KEY_C = key(3, 32);

    // Go: TestKeyring_EmptyRing / TestKeyring_PrimaryOnly
    @Test
    void firstKeyIsThePrimary() {
        Keyring keyring = Keyring.of(KEY_A, KEY_B, KEY_C);

        assertThat(keyring.primaryKey()).isEqualTo(KEY_A);
        assertThat(keyring.keys()).containsExactly(KEY_A, KEY_B, KEY_C);
    }

    // Go: TestKeyRing_UseKey
    @Test
    void usingAnInstalledKeyMakesItPrimary() {
        Keyring keyring = Keyring.of(KEY_A, KEY_B);

        keyring.use(KEY_B);

        assertThat(keyring.primaryKey()).isEqualTo(KEY_B);
        assertThat(keyring.keys()).containsExactly(KEY_B, KEY_A);
        assertThatThrownBy(() -> keyring.use(KEY_C)).hasMessage("requested key is not in the keyring");
    }

    // Go: TestKeyRing_RemoveKey
    @Test
    void removesSecondaryKeysButNeverThePrimary() {
        Keyring keyring = Keyring.of(KEY_A, KEY_B);

        keyring.remove(KEY_B);
        keyring.remove(KEY_C);

        assertThat(keyring.keys()).containsExactly(KEY_A);
        assertThatThrownBy(() -> keyring.remove(KEY_A)).hasMessage("removing the primary key is not allowed");
    }

    // Go: TestKeyRing_AddKey
    @Test
    void installingAKeyTwiceIsANoOp() {
        Keyring keyring = Keyring.of(KEY_A);

        keyring.install(KEY_B);
        keyring.install(KEY_B.clone());

        assertThat(keyring.keys()).containsExactly(KEY_A, KEY_B);
    }

    @Test
    void rejectsKeysOfTheWrongSizeWithoutShowingThem() {
        assertThatThrownBy(() -> Keyring.of(new byte[15])).hasMessage("key size must be 16, 24 or 32 bytes, not 15");
        assertThatThrownBy(() -> Keyring.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Keyring.of(KEY_A, KEY_B).toString()).isEqualTo("Keyring[2 keys]");
    }

    @Test
    void keysAreCopiedInAndOut() {
        byte[] key = KEY_A.clone();
        Keyring keyring = Keyring.of(key);
        key[0] = 99;
        keyring.keys().get(0)[1] = 99;

        assertThat(keyring.primaryKey()).isEqualTo(KEY_A);
    }

    @Test
    void readersKeepWorkingWhileAnotherThreadRotatesKeys() throws InterruptedException {
        Keyring keyring = Keyring.of(KEY_A, KEY_B);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread rotator = new Thread(() -> {
            for (int i = 0; i < 2_000; i++) {
                keyring.install(KEY_C);
                keyring.use(i % 2 == 0 ? KEY_B : KEY_A);
                keyring.remove(KEY_C);
            }
        });
        rotator.start();
        List<byte[]> plaintexts = new ArrayList<>();
        for (int i = 0; i < 2_000 && failure.get() == null; i++) {
            byte[] plain = ("message " + i).getBytes();
            try {
                byte[] encrypted = PayloadCipher.encrypt(EncryptionVersion.V1, keyring, plain, new byte[0]);
                plaintexts.add(PayloadCipher.decrypt(keyring, encrypted, 0, encrypted.length, new byte[0]));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }
        rotator.join();

        assertThat(failure.get()).isNull();
        assertThat(plaintexts).hasSize(2_000);
        assertThat(keyring.keys()).hasSize(2);
    }

    private static byte[] key(int fill, int length) {
        byte[] key = new byte[length];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
