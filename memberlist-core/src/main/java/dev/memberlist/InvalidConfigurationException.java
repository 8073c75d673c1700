package dev.memberlist;

import java.util.Objects;

/** A configuration value out of its allowed range; {@link #knob()} names the offending setting. */
public final class InvalidConfigurationException extends MemberlistException {

    private static final long serialVersionUID = 1L;

    private final String knob;

    /**
     * @param knob the setting's name, as in {@link MemberlistConfig.Builder}
     * @param message what is wrong and what is allowed
     */
    public InvalidConfigurationException(String knob, String message) {
        super(knob + ": " + message);
        this.knob = Objects.requireNonNull(knob, "knob");
    }

    /** @return the name of the offending setting */
    public String knob() {
        return knob;
    }
}
