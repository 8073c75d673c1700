/** Mutual TLS for memberlist streams from Spring Boot SSL bundles. */
package dev.memberlist.spring.tls;
