package dev.memberlist.spring.event;

import java.lang.reflect.Method;

/**
 * Makes the events' consumer thread: a virtual thread where the JDK has them (21 and later; looked
 * up at run time, as the starter is built for 17), else a platform daemon thread. Either way it
 * does not keep the JVM alive.
 */
final class ConsumerThreads {

    private ConsumerThreads() {
    }

    static Thread newThread(String name, Runnable task) {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Method named = builderType.getMethod("name", String.class);
            Method unstarted = builderType.getMethod("unstarted", Runnable.class);
            return (Thread) unstarted.invoke(named.invoke(builder, name), task);
        } catch (ReflectiveOperationException ex) {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        }
    }
}
