package dev.memberlist.spring.actuate.endpoint;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

import java.util.Map;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} of {@link MemberlistOperationsEndpoint} that
 * answers a refused operation over HTTP with a 400 whose body says why, as {@code {"error": "…"}}:
 * Boot's own 400 for an invalid endpoint request says only "Bad Request" unless the whole application
 * shows error messages. The reasons never quote a key; they name one by its fingerprint.
 */
@EndpointWebExtension(endpoint = MemberlistOperationsEndpoint.class)
public class MemberlistOperationsWebExtension {
    private final MemberlistOperationsEndpoint endpoint;

    /** @param endpoint the endpoint whose write operation this one answers for over HTTP */
    public MemberlistOperationsWebExtension(MemberlistOperationsEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * @param operation as {@link MemberlistOperationsEndpoint#operate}
     * @param key as {@link MemberlistOperationsEndpoint#operate}
     * @param seeds as {@link MemberlistOperationsEndpoint#operate}
     * @return what the operation did, or a 400 with {@code error}: why it was refused
     */
    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> operate(@Selector String operation, @Nullable String key,
            @Nullable String seeds) {
        try {
            return new WebEndpointResponse<>(endpoint.operate(operation, key, seeds));
        } catch (InvalidEndpointRequestException ex) {
            return new WebEndpointResponse<>(Map.of("error", ex.getReason()), WebEndpointResponse.STATUS_BAD_REQUEST);
        }
    }
}
