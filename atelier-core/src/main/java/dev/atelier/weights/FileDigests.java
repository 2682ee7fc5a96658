package dev.atelier.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/** Hex digests of a file, every algorithm in one pass over it. */
final class FileDigests {

    private FileDigests() {}

    static Map<Checksum.Algorithm, String> of(Path file, Checksum.Algorithm... algorithms) {
        Map<Checksum.Algorithm, MessageDigest> digests = new EnumMap<>(Checksum.Algorithm.class);
        try {
            for (Checksum.Algorithm a : algorithms) {
                digests.put(a, MessageDigest.getInstance(a.javaName()));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks a standard digest", e);
        }
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (MessageDigest d : digests.values()) {
                    d.update(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new WeightsException("cannot read " + file + " to check it: " + e.getMessage(), e);
        }
        Map<Checksum.Algorithm, String> out = new EnumMap<>(Checksum.Algorithm.class);
        digests.forEach((a, d) -> out.put(a, HexFormat.of().formatHex(d.digest())));
        return out;
    }

    static String of(Path file, Checksum.Algorithm algorithm) {
        return of(file, new Checksum.Algorithm[] {algorithm}).get(algorithm);
    }
}
