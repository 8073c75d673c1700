package dev.memberlist.spring.actuate.endpoint;

import dev.memberlist.Memberlist;
import dev.memberlist.security.KeyFingerprint;
import dev.memberlist.security.Keyring;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * {@link Endpoint @Endpoint} {@value #ID} for operations on the node. Read-only by default, as Boot
 * grants access: {@code GET /actuator/memberlistops} lists the operations. With
 * {@code management.endpoint.memberlistops.access=unrestricted}, {@code POST
 * /actuator/memberlistops/{operation}} runs one:
 * <ul>
 * <li>{@code leave}: leaves the cluster gracefully (the node keeps running, out of service)</li>
 * <li>{@code join}: joins the comma-separated {@code seeds} of the request body, or the configured seeds</li>
 * <li>{@code install-key}, {@code use-key}, {@code remove-key}: rotates the encryption keys with the
 * base64 {@code key} of the request body (in the body, so keys stay out of access logs)</li>
 * </ul>
 * Keys are never returned, nor quoted in an error: the endpoint shows how many there are and names
 * each by its fingerprint ({@link KeyringDescriptor}), so an operator can check that a rotation step
 * reached every node by comparing the fingerprints the nodes answer.
 */
@Endpoint(id = MemberlistOperationsEndpoint.ID, defaultAccess = Access.READ_ONLY)
public class MemberlistOperationsEndpoint {
    /** The endpoint's id. */
    public static final String ID = "memberlistops";

    private static final List<String> OPERATIONS = List.of("leave", "join", "install-key", "use-key", "remove-key");
    private static final Set<Integer> VALID_KEY_LENGTHS = Set.of(16, 24, 32);

    private final Memberlist memberlist;
    private final List<String> seeds;
    private final Duration leaveTimeout;

    /**
     * @param memberlist the node
     * @param seeds the configured seeds ({@code memberlist.join.seeds}), joined when a join names none
     * @param leaveTimeout the longest wait for a leave to spread
     */
    public MemberlistOperationsEndpoint(Memberlist memberlist, List<String> seeds, Duration leaveTimeout) {
        this.memberlist = memberlist;
        this.seeds = List.copyOf(seeds);
        this.leaveTimeout = leaveTimeout;
    }

    /**
     * @return the operations, how many encryption keys are installed and, with encryption on, their
     *     fingerprints as {@code keyring} ({@link KeyringDescriptor})
     */
    @ReadOperation
    public Map<String, Object> operations() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("operations", OPERATIONS);
        Optional<KeyringDescriptor> keyring = memberlist.config().keyring().map(KeyringDescriptor::of);
        description.put("encryptionKeys", keyring.map(keys -> keys.fingerprints().size()).orElse(0));
        keyring.ifPresent(keys -> description.put("keyring", keys));
        description.put("left", memberlist.hasLeft());
        return description;
    }

    /**
     * @param operation {@code leave}, {@code join}, {@code install-key}, {@code use-key} or {@code remove-key}
     * @param key a base64-encoded AES key, for the key operations
     * @param seeds the comma-separated seeds to join, for {@code join}; the configured seeds when absent
     * @return what the operation did; a key operation answers how many {@code keys} are installed now
     *     and their fingerprints as {@code keyring} ({@link KeyringDescriptor})
     */
    @WriteOperation
    public Map<String, Object> operate(@Selector String operation, @Nullable String key, @Nullable String seeds) {
        return switch (operation) {
            case "leave" -> {
                await(memberlist.leave(leaveTimeout), leaveTimeout.plusSeconds(1));
                yield Map.of("left", true);
            }
            case "join" -> join(seeds == null || seeds.isBlank() ? this.seeds
                    : Arrays.stream(seeds.split(",")).map(String::trim).filter(seed -> !seed.isEmpty()).toList());
            case "install-key" -> rotate(key, operation, Keyring::install);
            case "use-key" -> rotate(key, operation, Keyring::use);
            case "remove-key" -> rotate(key, operation, Keyring::remove);
            default -> throw new InvalidEndpointRequestException("Unknown memberlist operation " + operation,
                    "Unknown operation; use " + String.join(", ", OPERATIONS));
        };
    }

    private Map<String, Object> join(List<String> seeds) {
        if (seeds.isEmpty()) {
            throw new InvalidEndpointRequestException("No seeds to join", "No seeds given and none configured");
        }
        int reached = await(memberlist.join(seeds), memberlist.config().tcpTimeout().multipliedBy(2));
        return Map.of("reached", reached, "members", memberlist.numMembers());
    }

    private Map<String, Object> rotate(@Nullable String key, String operation, BiConsumer<Keyring, byte[]> change) {
        Keyring keyring = memberlist.config().keyring().orElseThrow(() -> new InvalidEndpointRequestException(
                "Encryption is not enabled", "Encryption is not enabled; set memberlist.encryption.secret-keys"));
        if (key == null || key.isBlank()) {
            throw new InvalidEndpointRequestException("No key given", "Give the base64-encoded key as 'key'");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException ex) {
            // Not the decoder's message: it quotes a character of the key.
            throw new InvalidEndpointRequestException("Key operation rejected", "The key is not valid base64");
        }
        if (!VALID_KEY_LENGTHS.contains(bytes.length)) {
            throw new InvalidEndpointRequestException("Key operation rejected",
                    "The key is " + bytes.length + " bytes long; AES keys are 16, 24 or 32 bytes");
        }
        try {
            change.accept(keyring, bytes);
        } catch (IllegalArgumentException ex) {
            // The keyring's own words, which never quote a key, and the key named by its fingerprint.
            throw new InvalidEndpointRequestException("Key operation rejected",
                    operation + " refused for key " + KeyFingerprint.of(bytes) + ": " + ex.getMessage());
        }
        KeyringDescriptor now = KeyringDescriptor.of(keyring);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("keys", now.fingerprints().size());
        answer.put("keyring", now);
        return answer;
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException ex) {
            throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
        } catch (TimeoutException ex) {
            throw new IllegalStateException("Timed out after " + timeout, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }
}
