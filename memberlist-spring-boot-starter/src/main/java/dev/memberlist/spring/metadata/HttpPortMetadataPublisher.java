package dev.memberlist.spring.metadata;

import dev.memberlist.Memberlist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

import java.time.Duration;

/**
 * Publishes the port the application's web server is actually bound to (known only once it
 * started; {@code server.port=0} picks one) as {@link LocalNodeMetadata#HTTP_PORT}, and announces it
 * when the node already runs. The management server, when it has a port of its own, is left out.
 */
public final class HttpPortMetadataPublisher implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(HttpPortMetadataPublisher.class);

    private static final Duration ANNOUNCE_TIMEOUT = Duration.ofSeconds(5);

    private final LocalNodeMetadata metadata;
    private final Memberlist memberlist;

    /**
     * @param metadata where the port goes
     * @param memberlist the node that announces it
     */
    public HttpPortMetadataPublisher(LocalNodeMetadata metadata, Memberlist memberlist) {
        this.metadata = metadata;
        this.memberlist = memberlist;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        int port = event.getWebServer().getPort();
        try {
            metadata.publish(LocalNodeMetadata.HTTP_PORT, Integer.toString(port));
        } catch (IllegalArgumentException ex) {
            log.warn("Not publishing the HTTP port in the node metadata: {}", ex.getMessage());
            return;
        }
        if (memberlist.isStarted() && !memberlist.isShutdown()) {
            memberlist.updateNode(ANNOUNCE_TIMEOUT).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    log.debug("Announcing the HTTP port {} did not complete: {}", port, failure.toString());
                }
            });
        }
    }
}
