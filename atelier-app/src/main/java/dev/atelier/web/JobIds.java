package dev.atelier.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Job ids: 128 random bits in hex, made by the server only. They name result files, so anything that is not
 * exactly of this form is refused before it is looked up.
 */
final class JobIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{32}");

    private JobIds() {}

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static boolean isWellFormed(String id) {
        return id != null && FORM.matcher(id).matches();
    }
}
