package dev.atelier.cli;

/** Times on the command line: seconds ({@code 12.5}) or clock notation ({@code 1:02.5}, {@code 1:00:00}). */
final class Times {

    private Times() {
    }

    static double seconds(String option, String text) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length > 3) {
            throw bad(option, text);
        }
        double total = 0;
        for (int i = 0; i < parts.length; i++) {
            double v;
            try {
                v = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw bad(option, text);
            }
            if (!(v >= 0) || Double.isInfinite(v) || (i < parts.length - 1 && v != Math.floor(v))) {
                throw bad(option, text);
            }
            total = total * 60 + v;
        }
        return total;
    }

    private static UsageException bad(String option, String text) {
        return new UsageException(option + " must be seconds (12.5) or [h:]m:s (1:02.5), got '" + text + "'");
    }
}
