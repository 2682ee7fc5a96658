package dev.atelier.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.atelier.instant.TransformerNet;
import dev.atelier.weights.FloatTensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** pytorch/examples' TransformerNet (the {@code johnson} family of instant styles) as a network to train. */
public final class JohnsonNetwork implements TrainableNetwork {

    public static final String ARCHITECTURE = "TransformerNet (pytorch/examples fast_neural_style)";

    @Override
    public String architecture() {
        return ARCHITECTURE;
    }

    @Override
    public Map<String, long[]> parameterShapes() {
        Map<String, long[]> out = new LinkedHashMap<>();
        TransformerNet.SHAPES.forEach((name, shape) -> out.put(name, shape.getShape()));
        return out;
    }

    @Override
    public Instance instance(Map<String, NDArray> values) {
        TransformerNet net = TransformerNet.copyOf("training", values);
        net.parameters().values().forEach(p -> p.setRequiresGradient(true));
        return new Instance() {
            @Override
            public NDArray forward(NDArray x) {
                return net.forward(x);
            }

            @Override
            public Map<String, NDArray> parameters() {
                return net.parameters();
            }

            @Override
            public void close() {
                net.close();
            }
        };
    }

    /** A TransformerNet file's parameters ({@code .pth} or {@code .safetensors}; checked as {@code apply} checks). */
    public static Map<String, FloatTensor> read(Path file) {
        try (TransformerNet net = TransformerNet.load(file, Device.cpu())) {
            Map<String, FloatTensor> out = new LinkedHashMap<>();
            net.values().forEach((name, v) -> out.put(name, new FloatTensor(TransformerNet.SHAPES.get(name).getShape(), v)));
            return out;
        }
    }
}
