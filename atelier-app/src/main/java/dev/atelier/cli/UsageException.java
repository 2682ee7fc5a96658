package dev.atelier.cli;

/** An option value that is out of range or inconsistent with another; reported with a hint to --help. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
