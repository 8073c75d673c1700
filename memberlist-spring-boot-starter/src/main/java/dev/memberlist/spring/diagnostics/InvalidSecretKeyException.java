package dev.memberlist.spring.diagnostics;

/**
 * A configured secret key is not a base64-encoded AES key. Names the property that holds it and
 * never the key: unlike Boot's {@code InvalidConfigurationPropertyValueException}, whose analysis
 * prints the value of every source that sets the property.
 */
public final class InvalidSecretKeyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String property;

    /**
     * @param property the property holding the key, index included, e.g.
     *     {@code memberlist.encryption.secret-keys[1]}
     * @param reason what is wrong with it, without quoting it
     */
    public InvalidSecretKeyException(String property, String reason) {
        super("Invalid " + property + ": " + reason);
        this.property = property;
    }

    /** @return the property holding the bad key */
    public String getProperty() {
        return property;
    }
}
