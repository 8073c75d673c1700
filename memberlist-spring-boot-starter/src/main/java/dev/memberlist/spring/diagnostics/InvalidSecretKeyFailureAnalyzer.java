package dev.memberlist.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a secret key that is not a base64 AES key, without ever printing a key. */
public final class InvalidSecretKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSecretKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSecretKeyException cause) {
        return new FailureAnalysis(cause.getMessage() + ". The key itself is not shown.",
                "Set " + cause.getProperty() + " to a base64-encoded AES key of 16, 24 or 32 bytes "
                        + "(for instance the output of 'openssl rand -base64 32'), the same on every node; "
                        + "the first key of memberlist.encryption.secret-keys encrypts, all of them decrypt.",
                cause);
    }
}
