/**
 * Failure analyzers that turn a failed start of the memberlist node into advice: a gossip port in
 * use, a secret key that is not a base64 AES key.
 */
@NullMarked
package dev.memberlist.spring.diagnostics;

import org.jspecify.annotations.NullMarked;
