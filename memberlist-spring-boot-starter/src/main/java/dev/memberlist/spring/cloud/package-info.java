/**
 * Spring Cloud discovery: every cluster member that runs a Spring application with this starter is a
 * {@link org.springframework.cloud.client.ServiceInstance}, found through its node metadata.
 */
@NullMarked
package dev.memberlist.spring.cloud;

import org.jspecify.annotations.NullMarked;
