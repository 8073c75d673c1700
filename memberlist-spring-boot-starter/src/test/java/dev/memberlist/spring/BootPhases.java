package dev.memberlist.spring;

import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

import java.lang.reflect.Constructor;

/** Phases of Boot's web server lifecycles, read from Boot itself. */
public final class BootPhases {

    private BootPhases() {
    }

    /** @return the phase of the servlet {@code WebServerStartStopLifecycle} (package-private in Boot) */
    public static int webServerStartStop() {
        try {
            Constructor<?> constructor = Class.forName(
                    "org.springframework.boot.web.server.servlet.context.WebServerStartStopLifecycle")
                    .getDeclaredConstructor(ServletWebServerApplicationContext.class, WebServer.class);
            constructor.setAccessible(true);
            return ((SmartLifecycle) constructor.newInstance(null, null)).getPhase();
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
