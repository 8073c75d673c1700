package dev.memberlist.wire;

import java.util.Objects;

/** Argument checks shared by the message records; they reject programming errors, not input. */
final class WireValues {

    static final long MAX_U32 = 0xffff_ffffL;
    static final int MAX_U16 = 0xffff;

    private WireValues() {
    }

    static long requireU32(long value, String field) {
        if (value < 0 || value > MAX_U32) {
            throw new IllegalArgumentException(field + " must fit in 32 unsigned bits: " + value);
        }
        return value;
    }

    static int requireU16(int value, String field) {
        if (value < 0 || value > MAX_U16) {
            throw new IllegalArgumentException(field + " must fit in 16 unsigned bits: " + value);
        }
        return value;
    }

    static int requireNonNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative: " + value);
        }
        return value;
    }

    static <T> T requirePresent(T value, String field) {
        return Objects.requireNonNull(value, field);
    }
}
