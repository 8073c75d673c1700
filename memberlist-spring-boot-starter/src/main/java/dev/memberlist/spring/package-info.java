/**
 * Spring Boot support for memberlist: auto-configuration, lifecycle, events, actuator endpoint,
 * health indicator and metrics, in the sub-packages named by role.
 */
@NullMarked
package dev.memberlist.spring;

import org.jspecify.annotations.NullMarked;
