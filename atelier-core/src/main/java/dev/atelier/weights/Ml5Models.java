package dev.atelier.weights;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The folder models published in the ml5 project's model repository at one pinned commit: Darknet Tiny and the
 * instant styles. Their files' SHA-256 and sizes come from the generated table {@code ml5-files.tsv} beside this
 * class (its header says how it is made).
 */
final class Ml5Models {

    static final String COMMIT = "0612a3e7c51cbffdc5db701dff49d16d1ac26fa8";
    private static final String REPOSITORY_PATH = "ml5js/ml5-data-and-models/" + COMMIT + "/";
    private static final String RAW = "https://raw.githubusercontent.com/" + REPOSITORY_PATH;
    private static final String JSDELIVR = "https://cdn.jsdelivr.net/gh/ml5js/ml5-data-and-models@" + COMMIT + "/";
    private static final String TABLE = "ml5-files.tsv";

    private static final String ENGSTROM = "trained by Logan Engstrom (lengstrom/fast-style-transfer): research and "
            + "non-commercial use only, commercial users must contact him; converted to deeplearn.js by Reiichiro "
            + "Nakano; published by ml5 (repository MIT)";
    private static final String ML5_2018 = "added by ml5 in 2018 (ml5js/ml5-data-and-models, repository MIT); "
            + "no separate terms for the weights are stated";

    private Ml5Models() {}

    static List<ModelArtifact> all() {
        List<String[]> table = table();
        List<ModelArtifact> out = new ArrayList<>();
        out.add(model(table, "darknet-tiny", ModelKind.FEATURE, ModelFamily.DARKNET, ModelFormat.TFJS_LAYERS,
                "models/darknetclassifier/darknettiny/", "Joseph Redmon's Darknet tiny.weights (ImageNet classifier), "
                        + "converted to TF.js by ml5 (ml5js/ml5-data-and-models, repository MIT)"));
        for (String style : List.of("la_muse", "rain_princess", "scream", "udnie", "wave", "wreck")) {
            out.add(style(table, style, ENGSTROM));
        }
        for (String style : List.of("mathura", "matilde_perez", "matta")) {
            out.add(style(table, style, ML5_2018));
        }
        return out;
    }

    private static ModelArtifact style(List<String[]> table, String style, String licence) {
        return model(table, style, ModelKind.STYLE, ModelFamily.ENGSTROM, ModelFormat.DEEPLEARNJS_CHECKPOINT,
                "models/style-transfer/" + style + "/", licence);
    }

    /** The model whose files are every published file under {@code folder} but hidden placeholders (.keep). */
    private static ModelArtifact model(List<String[]> table, String name, ModelKind kind, ModelFamily family,
                                       ModelFormat format, String folder, String licence) {
        String prefix = REPOSITORY_PATH + folder;
        List<ArtifactFile> files = new ArrayList<>();
        for (String[] row : table) {
            String path = row[2];
            if (path.startsWith(prefix) && !path.substring(prefix.length()).startsWith(".")) {
                files.add(new ArtifactFile(path.substring(prefix.length()), Checksum.sha256(row[0]),
                        Long.parseLong(row[1])));
            }
        }
        files.sort(Comparator.comparing((ArtifactFile f) -> !f.path().endsWith(".json")).thenComparing(
                ArtifactFile::path, Ml5Models::naturalOrder));
        return new ModelArtifact(name, kind, family, format, files, URI.create(RAW + folder),
                List.of(URI.create(JSDELIVR + folder)), licence, true);
    }

    /** "Variable_2" before "Variable_10": digit runs compare as numbers. */
    static int naturalOrder(String a, String b) {
        String[] x = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        String[] y = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Character.isDigit(x[i].charAt(0)) && Character.isDigit(y[i].charAt(0))
                    ? new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static List<String[]> table() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Ml5Models.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] row = line.split("\t");
                    if (row.length != 3) {
                        throw new IllegalStateException(TABLE + ": malformed line '" + line + "'");
                    }
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
