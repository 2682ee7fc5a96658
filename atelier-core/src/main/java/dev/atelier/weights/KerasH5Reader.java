package dev.atelier.weights;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.object.datatype.FloatingPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Keras' VGG "notop" HDF5 files ({@code vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5} and the VGG19 one):
 * root attribute {@code layer_names}; one group per layer whose attribute {@code weight_names} names the kernel
 * ({@code kh×kw×in×out}) and bias datasets; layers with no weights (input, pools) are skipped.
 */
public final class KerasH5Reader {

    private KerasH5Reader() {}

    public static VggWeights read(Path file) {
        String where = "weights file '" + file + "'";
        RegularFile.require(file, where);
        Hdf5Completeness.check(file, where);
        try (HdfFile hdf = new HdfFile(file)) {
            List<ConvWeights> layers = new ArrayList<>();
            for (String layerName : stringArray(hdf.getAttribute("layer_names"), where, "root attribute 'layer_names'")) {
                Node node = hdf.getChild(layerName);
                if (!(node instanceof Group group)) {
                    throw new WeightsException(where + " lists layer '" + layerName + "' but has no group for it");
                }
                List<String> weightNames = stringArray(group.getAttribute("weight_names"), where,
                        "attribute 'weight_names' of layer '" + layerName + "'");
                if (weightNames.isEmpty()) {
                    continue;
                }
                layers.add(readConv(group, layerName, weightNames, where));
            }
            return new VggWeights(VggStructure.validate(layers, where), layers, file.toString());
        } catch (WeightsException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw new WeightsException(where + " is not a readable HDF5 weights file (truncated or corrupt?): "
                    + oneLine(e), e);
        }
    }

    private static ConvWeights readConv(Group group, String layer, List<String> weightNames, String where) {
        if (weightNames.size() != 2) {
            throw new WeightsException(where + ": layer '" + layer + "' has " + weightNames.size()
                    + " weight arrays, expected a kernel and a bias");
        }
        Dataset kernel = dataset(group, weightNames.get(0), layer, where);
        Dataset bias = dataset(group, weightNames.get(1), layer, where);
        int[] k = kernel.getDimensions();
        int[] b = bias.getDimensions();
        if (k.length != 4 || b.length != 1 || b[0] != k[3]) {
            throw new WeightsException(where + ": layer '" + layer + "' has kernel shape " + shape(k) + " and bias shape "
                    + shape(b) + ", expected kh×kw×in×out and out");
        }
        float[] biasValues = floats(bias, layer, where);
        float[] oihw = kernel instanceof DatasetBase base && base.getDataType() instanceof FloatingPoint fp
                && fp.getSize() == Float.BYTES
                ? ConvWeights.fromKerasLayout(base.getDataBuffer().order(fp.getByteOrder()).asFloatBuffer(),
                        k[0], k[1], k[2], k[3])
                : ConvWeights.fromKerasLayout(floats(kernel, layer, where), k[0], k[1], k[2], k[3]);
        return new ConvWeights(layer, k[3], k[2], k[0], k[1], oihw, biasValues);
    }

    private static Dataset dataset(Group group, String name, String layer, String where) {
        Node node = group.getChild(name);
        if (!(node instanceof Dataset dataset)) {
            throw new WeightsException(where + ": layer '" + layer + "' has no dataset '" + name + "'");
        }
        return dataset;
    }

    private static float[] floats(Dataset dataset, String layer, String where) {
        Object data = dataset.getDataFlat();
        if (data instanceof float[] f) {
            return f;
        }
        if (data instanceof double[] d) {
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }
        throw new WeightsException(where + ": layer '" + layer + "' holds " + dataset.getJavaType().getSimpleName()
                + " values, expected floating point");
    }

    private static List<String> stringArray(Attribute attribute, String where, String what) {
        if (attribute == null) {
            throw new WeightsException(where + " has no " + what + " (not a Keras weights file?)");
        }
        Object data = attribute.getData();
        List<String> out = new ArrayList<>();
        if (data instanceof String[] strings) {
            for (String s : strings) {
                out.add(s.trim());
            }
        } else if (data instanceof String s) {
            out.add(s.trim());
        } else if (data != null) {
            throw new WeightsException(where + ": " + what + " is not a list of strings");
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    private static String shape(int[] dims) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ",").append(dims[i]);
        }
        return sb.append(')').toString();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ");
    }
}
