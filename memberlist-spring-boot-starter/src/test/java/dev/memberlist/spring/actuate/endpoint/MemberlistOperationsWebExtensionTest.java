package dev.memberlist.spring.actuate.endpoint;

import dev.memberlist.Memberlist;
import dev.memberlist.MemberlistConfig;
import dev.memberlist.security.Keyring;
import dev.memberlist.spring.IsolatedTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MemberlistOperationsWebExtensionTest {

    private static final byte[] KEY = "0123456789abcdef".getBytes();
    private static final String KEY_BASE64 = Base64.getEncoder().encodeToString(KEY);
    private static final String KEY_FINGERPRINT = "9f9f5111f7b27a78";

    private final Memberlist memberlist = Memberlist.prepare(MemberlistConfig.local().name("n1")
            .keyring(Keyring.of(KEY)).build(), new IsolatedTransport());
    private final MemberlistOperationsWebExtension extension = new MemberlistOperationsWebExtension(
            new MemberlistOperationsEndpoint(memberlist, List.of(), Duration.ofSeconds(1)));

    @AfterEach
    void shutdown() {
        memberlist.shutdown();
    }

    @Test
    void answersWhatTheOperationDidWithA200() {
        WebEndpointResponse<Map<String, Object>> response = extension.operate("install-key", KEY_BASE64, null);

        assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
        assertThat(response.getBody()).containsEntry("keys", 1)
                .containsEntry("keyring", new KeyringDescriptor(KEY_FINGERPRINT, List.of(KEY_FINGERPRINT)));
    }

    @Test
    void answersARefusalWithA400ThatSaysWhyWithoutTheKey() {
        WebEndpointResponse<Map<String, Object>> response = extension.operate("remove-key", KEY_BASE64, null);

        assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_BAD_REQUEST);
        assertThat(response.getBody()).isEqualTo(Map.of("error",
                "remove-key refused for key " + KEY_FINGERPRINT + ": removing the primary key is not allowed"));
        assertThat(response.getBody().toString()).doesNotContain(KEY_BASE64, new String(KEY));
    }
}
