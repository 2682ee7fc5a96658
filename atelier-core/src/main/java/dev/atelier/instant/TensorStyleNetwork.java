package dev.atelier.instant;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;

/**
 * What both families share: a forward pass on NDArrays ({@link #paintRaw}), cropped to the input's size, and the
 * conversion from and to photos. Each {@link #apply} call uses its own manager, so calls from several threads do
 * not share tensors; the parameters are only read.
 */
public abstract class TensorStyleNetwork implements StyleNetwork {

    private final String name;
    private final Device device;

    protected TensorStyleNetwork(String name, Device device) {
        this.name = name;
        this.device = device;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Device device() {
        return device;
    }

    /** The smallest side the network takes. */
    public int minimumSide() {
        return 1;
    }

    /** The forward pass, clamped to 0..255, of sides 4·⌈side/4⌉; results attach to {@code x}'s manager. */
    protected abstract NDArray paintRaw(NDArray x);

    @Override
    public NDArray paint(NDArray images) {
        Shape s = images.getShape();
        if (s.dimension() != 4 || s.get(1) != 3) {
            throw new IllegalArgumentException("a style network takes N×3×H×W RGB, got " + s);
        }
        if (Math.min(s.get(2), s.get(3)) < minimumSide()) {
            throw new IllegalArgumentException("the picture is " + s.get(3) + "x" + s.get(2) + " pixels; " + name
                    + " needs sides of at least " + minimumSide() + " pixels");
        }
        NDArray out = paintRaw(images);
        if (out.getShape().get(2) == s.get(2) && out.getShape().get(3) == s.get(3)) {
            return out;
        }
        try (out) {
            return out.get(new NDIndex(":, :, :" + s.get(2) + ", :" + s.get(3)));
        }
    }

    @Override
    public BufferedImage apply(BufferedImage photo) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        try (NDManager m = NDManager.newBaseManager(device)) {
            NDArray x = m.create(StyleImages.toPlanar(photo), new Shape(1, 3, h, w));
            NDArray y = paint(x);
            x.close();
            return StyleImages.fromPlanar(y.toFloatArray(), w, h);
        }
    }
}
