package dev.atelier.weights;

import java.nio.file.Files;
import java.nio.file.Path;

/** The first check of every reader: the weights path names an existing regular file. */
final class RegularFile {

    private RegularFile() {}

    /** @param where how messages name the file, e.g. {@code weights file '/x/vgg16.h5'} */
    static void require(Path file, String where) {
        if (!Files.exists(file)) {
            throw new WeightsException(where + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new WeightsException(where + " is not a regular file");
        }
    }
}
