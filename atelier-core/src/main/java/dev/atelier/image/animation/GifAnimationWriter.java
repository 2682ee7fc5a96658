package dev.atelier.image.animation;

import dev.atelier.image.ImageException;
import dev.atelier.image.ImageResizer;
import dev.atelier.image.ImageSize;
import dev.atelier.io.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes an animated GIF frame by frame, as a run produces them ({@code --animation}): each frame is quantised to
 * 256 colours ({@link OrderedDitherQuantizer}) and encoded by the JDK's ImageIO GIF writer straight into the file
 * as it arrives, so at most one frame is held in memory, and only as palette indices (one byte per pixel: the
 * last frame is held back until {@link #finish()} so that it can be shown for a different time). The animation
 * loops forever (NETSCAPE2.0 application extension) and every frame has the configured delay (graphic control
 * extension).
 *
 * <p>Atomic: frames go to a hidden temporary file next to the target, which {@link #finish()} flushes to disk and
 * renames over the target. On any failure, and on {@link #close()} without {@code finish()} (e.g. a run that
 * failed), the temporary file is deleted and an existing target is left as it was. Failures are
 * {@link ImageException}s with a one-line message naming the file. After a failure, {@code finish()} or
 * {@code close()} the writer accepts nothing more. Not thread-safe.
 *
 * <pre>
 * try (GifAnimationWriter gif = GifAnimationWriter.open(Path.of("progress.gif"), Duration.ofMillis(200))) {
 *     for (...) gif.addFrame(image);
 *     gif.finish();
 * }
 * </pre>
 */
public final class GifAnimationWriter implements AutoCloseable {

    /** The format of the JDK GIF writer's image metadata. */
    static final String GIF_IMAGE_METADATA = "javax_imageio_gif_image_1.0";
    private static final int MAX_SIDE = 65535;
    private static final int MAX_DETAIL = 160;

    /** Opens the ImageIO stream on the temporary file; a seam for tests. */
    @FunctionalInterface
    interface StreamOpener {
        ImageOutputStream open(RandomAccessFile file) throws IOException;
    }

    private final Path file;
    private final int frameDelay;
    private final int lastFrameDelay;
    private final AtomicFile.Pending temp;
    private final RandomAccessFile raf;
    private final ImageOutputStream stream;
    private final ImageWriter writer;
    private ImageSize size;
    private BufferedImage pending;
    private int framesWritten;
    private boolean open = true;

    private GifAnimationWriter(Path file, int frameDelay, int lastFrameDelay, ImageSize size, AtomicFile.Pending temp,
            RandomAccessFile raf, ImageOutputStream stream, ImageWriter writer) {
        this.file = file;
        this.frameDelay = frameDelay;
        this.lastFrameDelay = lastFrameDelay;
        this.size = size;
        this.temp = temp;
        this.raf = raf;
        this.stream = stream;
        this.writer = writer;
    }

    /** An animation showing every frame for {@code frameDelay}, at the size of the first frame. */
    public static GifAnimationWriter open(Path file, Duration frameDelay) {
        return open(file, frameDelay, frameDelay, null);
    }

    /**
     * An animation showing every frame for {@code frameDelay} but the last, shown for {@code lastFrameDelay} before
     * the loop starts over. Every frame is resized (PIL bicubic, {@link ImageResizer}) to {@code frameSize}, or,
     * if that is null, to the first frame's size (pass the final size when a run's early frames are smaller, as in
     * coarse-to-fine runs).
     *
     * @param file           the GIF to write (its name is not checked); its directory must exist and be writable
     * @param frameDelay     10 ms to 655.35 s; GIF stores hundredths of a second, so it is rounded to those
     * @param lastFrameDelay likewise
     * @throws IllegalArgumentException for a delay out of range or a frame size over 65535 pixels
     * @throws ImageException           if the file cannot be written there (checked as {@link AtomicFile#whyNotWritable})
     */
    public static GifAnimationWriter open(Path file, Duration frameDelay, Duration lastFrameDelay,
            ImageSize frameSize) {
        return open(file, frameDelay, lastFrameDelay, frameSize, FileImageOutputStream::new);
    }

    static GifAnimationWriter open(Path file, Duration frameDelay, Duration lastFrameDelay, ImageSize frameSize,
            StreamOpener opener) {
        int delay = centiseconds(frameDelay, "frame delay");
        int lastDelay = centiseconds(lastFrameDelay, "last frame delay");
        if (frameSize != null) {
            checkSize(frameSize);
        }
        String prefix = messagePrefix(file);
        String problem = AtomicFile.whyNotWritable(file);
        if (problem != null) {
            throw new ImageException(prefix + problem);
        }
        Path target = file.toAbsolutePath().normalize();
        AtomicFile.Pending temp = null;
        RandomAccessFile raf = null;
        ImageWriter writer = null;
        try {
            temp = AtomicFile.Pending.createFor(target);
            raf = new RandomAccessFile(temp.path().toFile(), "rw");
            ImageOutputStream stream = opener.open(raf);
            writer = gifWriter();
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            return new GifAnimationWriter(file, delay, lastDelay, frameSize, temp, raf, stream, writer);
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                writer.dispose();
            }
            closeQuietly(raf);
            if (temp != null) {
                temp.discard();
            }
            throw failure(prefix, e);
        }
    }

    /**
     * Adds a frame (any image type; alpha is dropped): quantises it and encodes the frame before it into the file.
     *
     * @throws ImageException        if encoding or writing fails (the animation is then abandoned, nothing left)
     * @throws IllegalStateException after a failure, {@link #finish()} or {@link #close()}
     */
    public void addFrame(BufferedImage frame) {
        Objects.requireNonNull(frame, "frame");
        requireOpen();
        try {
            if (size == null) {
                size = new ImageSize(frame.getWidth(), frame.getHeight());
                checkSize(size);
            }
            BufferedImage sized = frame.getWidth() == size.width() && frame.getHeight() == size.height()
                    ? frame : ImageResizer.resize(frame, size);
            BufferedImage indexed = OrderedDitherQuantizer.toIndexed(sized);
            if (pending != null) {
                write(pending, frameDelay);
            }
            pending = indexed;
        } catch (IOException | RuntimeException e) {
            abandon();
            throw failure(messagePrefix(file), e);
        }
    }

    /** Frames added so far. */
    public int frameCount() {
        return framesWritten + (pending != null ? 1 : 0);
    }

    /**
     * Writes the last frame and the end of the GIF, flushes it to disk and renames it over the target.
     *
     * @throws ImageException        if no frame was added or writing fails (nothing is left behind)
     * @throws IllegalStateException after a failure, {@code finish()} or {@link #close()}
     */
    public void finish() {
        requireOpen();
        try {
            if (pending == null) {
                throw new IOException("no frames were added");
            }
            write(pending, lastFrameDelay);
            pending = null;
            writer.endWriteSequence();
            stream.flush();
            raf.getFD().sync();
            stream.close();
            raf.close();
            writer.dispose();
            temp.commit();
            open = false;
        } catch (IOException | RuntimeException e) {
            abandon();
            throw failure(messagePrefix(file), e);
        }
    }

    /** Without a {@link #finish()}: abandons the animation, deleting the temporary file. Otherwise nothing. */
    @Override
    public void close() {
        if (open) {
            abandon();
        }
    }

    private void write(BufferedImage indexed, int delayCentiseconds) throws IOException {
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
        // new ImageTypeSpecifier(image), not createFromRenderedImage: for a TYPE_BYTE_INDEXED image that one gives
        // the type's default (web-safe) palette instead of the image's, and the colour table would be wrong.
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(indexed), param);
        describeFrame(metadata, delayCentiseconds, framesWritten == 0);
        writer.writeToSequence(new IIOImage(indexed, null, metadata), param);
        framesWritten++;
    }

    /** Sets the frame's delay (graphic control extension) and, on the first frame, the endless loop. */
    static void describeFrame(IIOMetadata metadata, int delayCentiseconds, boolean first)
            throws IIOInvalidTreeException {
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(GIF_IMAGE_METADATA);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode extension = new IIOMetadataNode("ApplicationExtension");
            extension.setAttribute("applicationID", "NETSCAPE");
            extension.setAttribute("authenticationCode", "2.0");
            extension.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0, i.e. forever
            child(root, "ApplicationExtensions").appendChild(extension);
        }
        metadata.setFromTree(GIF_IMAGE_METADATA, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }

    private static ImageWriter gifWriter() throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (GIF_IMAGE_METADATA.equals(w.getOriginatingProvider().getNativeImageMetadataFormatName())) {
                return w;
            }
        }
        throw new IOException("no ImageIO GIF writer with " + GIF_IMAGE_METADATA + " metadata");
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("the animation " + file + " is already finished or abandoned");
        }
    }

    private void abandon() {
        open = false;
        pending = null;
        writer.dispose();
        closeQuietly(stream);
        closeQuietly(raf);
        temp.discard();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // abandoning anyway
        }
    }

    static int centiseconds(Duration delay, String what) {
        long millis = delay.toMillis();
        if (millis < 10 || millis > 655_350) {
            throw new IllegalArgumentException(what + " must be between 10 ms and 655.35 s, got " + millis + " ms");
        }
        return (int) Math.round(millis / 10.0);
    }

    private static void checkSize(ImageSize size) {
        if (size.width() > MAX_SIDE || size.height() > MAX_SIDE) {
            throw new IllegalArgumentException("a GIF frame can be at most " + MAX_SIDE + " pixels on a side, got "
                    + size);
        }
    }

    private static String messagePrefix(Path file) {
        return "Cannot write animation " + file + ": ";
    }

    private static ImageException failure(String prefix, Exception e) {
        if (e instanceof ImageException ie) {
            return ie;
        }
        String detail = e instanceof AccessDeniedException ? "permission denied (" + detail(e) + ")" : detail(e);
        return new ImageException(prefix + detail, e);
    }

    /** The exception's message (or its type), with its cause's, on one line, at most 160 characters. */
    static String detail(Throwable e) {
        String text = describe(e);
        Throwable cause = e.getCause();
        if (cause != null && cause != e && !text.contains(describe(cause))) {
            text = text + ": " + describe(cause);
        }
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL - 3) + "..." : text;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
