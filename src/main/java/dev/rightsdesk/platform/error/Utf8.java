package dev.rightsdesk.platform.error;

/**
 * A streaming UTF-8 check (RFC 3629): rejects stray continuation bytes, overlong forms, surrogates and code points
 * above U+10FFFF, which Java decoders would otherwise quietly turn into U+FFFD and store.
 */
final class Utf8 {

    private int remaining;
    private int lower = 0x80;
    private int upper = 0xBF;

    /** Feeds one byte; false when the bytes so far cannot be UTF-8. */
    boolean accept(int b) {
        b &= 0xFF;
        if (remaining == 0) {
            if (b < 0x80) {
                return true;
            }
            lower = 0x80;
            upper = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                remaining = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                remaining = 2;
                if (b == 0xE0) {
                    lower = 0xA0;
                } else if (b == 0xED) {
                    upper = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                remaining = 3;
                if (b == 0xF0) {
                    lower = 0x90;
                } else if (b == 0xF4) {
                    upper = 0x8F;
                }
            } else {
                return false;
            }
            return true;
        }
        if (b < lower || b > upper) {
            return false;
        }
        lower = 0x80;
        upper = 0xBF;
        remaining--;
        return true;
    }

    /** True when no sequence is left open. */
    boolean complete() {
        return remaining == 0;
    }

    /** True when all of {@code bytes} is UTF-8. */
    static boolean valid(byte[] bytes) {
        Utf8 check = new Utf8();
        for (byte b : bytes) {
            if (!check.accept(b)) {
                return false;
            }
        }
        return check.complete();
    }
}
