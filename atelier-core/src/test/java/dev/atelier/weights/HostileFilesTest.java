package dev.atelier.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.network.VggArchitecture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Files made to hurt: each is refused with one line naming the file, and nothing in them is ever run. */
class HostileFilesTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void noSentinel() throws IOException {
        Files.deleteIfExists(WeightsFixtures.HOSTILE_SENTINEL);
    }

    @Test
    void refusesAPickleThatNamesOsSystemInEitherPthFormat() {
        for (Path file : new Path[] {WeightsFixtures.HOSTILE_LEGACY, WeightsFixtures.HOSTILE_ZIP}) {
            refused(file).hasMessageContaining("posix.system").hasMessageContaining("refused");
        }
        assertThat(WeightsFixtures.HOSTILE_SENTINEL).doesNotExist();
    }

    @Test
    void refusesAnyOtherGlobal() throws IOException {
        byte[] pickle = PickleBytes.protocol2().global("builtins", "eval").unicode("1+1").op(0x85).op('R').stop().bytes();
        refused(legacy("eval.pth", pickle)).hasMessageContaining("builtins.eval");
    }

    @Test
    void refusesCallingAnAllowedNameThatIsNotAFunctionOfAStateDict() throws IOException {
        byte[] pickle = PickleBytes.protocol2().global("torch", "FloatStorage").int1(3).op(0x85).op('R').stop().bytes();
        refused(legacy("call-storage.pth", pickle)).hasMessageContaining("torch.FloatStorage").hasMessageContaining("refused");
    }

    @Test
    void refusesOpcodesAStateDictDoesNotNeed() throws IOException {
        // INST: the protocol-0 way to instantiate a class by name.
        byte[] pickle = PickleBytes.protocol2().op('(').op('i').raw("os\nsystem\n".getBytes()).stop().bytes();
        refused(legacy("inst.pth", pickle)).hasMessageContaining("opcode 0x69");
    }

    static Stream<Path> everyFormat() {
        return Stream.of(WeightsFixtures.KERAS_H5, WeightsFixtures.LEGACY_PTH, WeightsFixtures.ZIP_PTH,
                WeightsFixtures.SAFETENSORS_TORCHVISION);
    }

    @ParameterizedTest
    @MethodSource("everyFormat")
    void refusesTruncatedFiles(Path fixture) throws IOException {
        byte[] whole = Files.readAllBytes(fixture);
        for (int length : new int[] {0, 1, 9, 100, 1000, whole.length / 2, whole.length - 100, whole.length - 1}) {
            Path cut = tmp.resolve("cut-" + length + "-" + fixture.getFileName());
            Files.write(cut, Arrays.copyOf(whole, length));
            refused(cut);
        }
    }

    @Test
    void refusesAKernelOfTheWrongRank() throws IOException {
        SafetensorsBytes s = SafetensorsBytes.torchvision(WeightsFiles.read(WeightsFixtures.KERAS_H5));
        float[] k = s.tensors().get("features.2.weight").values();
        s.put("features.2.weight", new long[] {4, k.length / 4}, k);
        refused(write("rank.safetensors", s.bytes())).hasMessageContaining("features.2.weight").hasMessageContaining("shape");
    }

    @Test
    void refusesABiasThatDoesNotMatchItsKernel() throws IOException {
        SafetensorsBytes s = SafetensorsBytes.torchvision(WeightsFiles.read(WeightsFixtures.KERAS_H5));
        s.put("features.5.bias", new long[] {3}, new float[3]);
        refused(write("bias.safetensors", s.bytes())).hasMessageContaining("features.5.bias");
    }

    @Test
    void refusesLayersWhoseChannelsDoNotChain() throws IOException {
        SafetensorsBytes s = SafetensorsBytes.torchvision(WeightsFiles.read(WeightsFixtures.KERAS_H5));
        s.put("features.5.weight", new long[] {8, 5, 3, 3}, new float[8 * 5 * 9]);
        refused(write("chain.safetensors", s.bytes())).hasMessageContaining("block2_conv1").hasMessageContaining("input channels");
    }

    @Test
    void refusesAVgg19FileWhereVgg16IsAskedFor() {
        assertThatThrownBy(() -> WeightsFiles.read(WeightsFixtures.VGG19_LEGACY_PTH, VggArchitecture.VGG16))
                .isInstanceOf(WeightsException.class).hasMessageContaining("holds VGG19")
                .hasMessageContaining("VGG16 was asked for");
    }

    @Test
    void refusesSafetensorsOffsetsOutsideTheFile() throws IOException {
        SafetensorsBytes s = SafetensorsBytes.torchvision(WeightsFiles.read(WeightsFixtures.KERAS_H5));
        ObjectNode header = s.header();
        ((ObjectNode) header.get("features.28.bias")).putArray("data_offsets").add(0).add(1L << 40);
        refused(write("outside.safetensors", s.bytes(header))).hasMessageContaining("features.28.bias")
                .hasMessageContaining("outside");
    }

    @Test
    void refusesOverlappingSafetensorsTensors() throws IOException {
        SafetensorsBytes s = SafetensorsBytes.torchvision(WeightsFiles.read(WeightsFixtures.KERAS_H5));
        ObjectNode header = s.header();
        ((ObjectNode) header.get("features.0.bias")).set("data_offsets", header.get("features.0.weight").get("data_offsets"));
        ((ObjectNode) header.get("features.0.bias")).putArray("shape").add(108);
        refused(write("overlap.safetensors", s.bytes(header))).hasMessageContaining("overlap");
    }

    @Test
    void refusesASafetensorsHeaderLongerThanTheFile() throws IOException {
        byte[] file = SafetensorsBytes.torchvision(WeightsFiles.read(WeightsFixtures.KERAS_H5)).bytes();
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(0, file.length);
        refused(write("long-header.safetensors", file)).hasMessageContaining("header length");
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1);
        refused(write("negative-header.safetensors", file)).hasMessageContaining("header length");
    }

    @Test
    void refusesDuplicateSafetensorsKeys() throws IOException {
        byte[] json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}".getBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
        out.writeBytes(json);
        out.writeBytes(new byte[4]);
        refused(write("duplicate.safetensors", out.toByteArray())).hasMessageContaining("not valid JSON");
    }

    @Test
    void refusesAZipEntryThatDeclaresAnAbsurdSize() throws IOException {
        byte[] pickle = PickleBytes.protocol2().op('}').stop().bytes();
        byte[] zip = zip("archive/data.pkl", pickle, ZipEntry.STORED);
        setDeclaredSize(zip, "archive/data.pkl", 0x7FFF_FFF0L);
        refused(write("declared.pth", zip)).hasMessageContaining("declares");
    }

    @Test
    void capsWhatItInflatesWhateverTheZipDeclares() throws IOException {
        byte[] bomb = new byte[20 << 20];
        Arrays.fill(bomb, (byte) 'N'); // NONE, pushed twenty million times
        bomb[0] = (byte) 0x80;
        bomb[1] = 2;
        byte[] zip = zip("archive/data.pkl", bomb, ZipEntry.DEFLATED);
        setDeclaredSize(zip, "archive/data.pkl", 100);
        long start = System.nanoTime();
        refused(write("bomb.pth", zip)).hasMessageContaining("than a state dict needs; refused");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2);
    }

    @Test
    void refusesAPickleLargerThanAnyStateDict() throws IOException {
        byte[] huge = PickleBytes.protocol2().op('X').raw(new byte[] {0, 0, 0, 0x7f}).bytes();
        refused(legacy("huge-string.pth", huge)).hasMessageContaining("larger than a state dict needs");
    }

    @Test
    void refusesContainersAsDictKeys() throws IOException {
        // A list that holds itself, used as a key: hashing it would never end.
        byte[] cyclic = PickleBytes.protocol2().op('}').op(']').op('q').op(1).op('h').op(1).op('a').op('N').op('s')
                .stop().bytes();
        refused(legacy("cyclic-key.pth", cyclic)).hasMessageContaining("dict key");
    }

    @Test
    void refusesAStorageEntryOfTheWrongSize() throws IOException {
        byte[] zip = Files.readAllBytes(WeightsFixtures.ZIP_PTH);
        setDeclaredSize(zip, "vgg16-div16-zip/data/0", 1L << 30);
        refused(write("storage.pth", zip)).hasMessageContaining("declares");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refused(Path file) {
        return assertThatThrownBy(() -> WeightsFiles.read(file)).as(file.getFileName().toString())
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageNotContaining("\n");
    }

    private Path legacy(String name, byte[] stateDictPickle) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PickleBytes.legacyHeader());
        out.writeBytes(stateDictPickle);
        out.writeBytes(PickleBytes.protocol2().op(']').stop().bytes());
        return write(name, out.toByteArray());
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(tmp.resolve(name), content);
    }

    private static byte[] zip(String name, byte[] content, int method) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry(name);
            entry.setMethod(method);
            if (method == ZipEntry.STORED) {
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setSize(content.length);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** Rewrites the uncompressed size that the central directory gives for {@code name}. */
    private static void setDeclaredSize(byte[] zip, String name, long size) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 < zip.length; at++) {
            if (b.getInt(at) == 0x02014b50) {
                int nameLength = b.getShort(at + 28) & 0xFFFF;
                if (new String(zip, at + 46, nameLength).equals(name)) {
                    b.putInt(at + 24, (int) size);
                    return;
                }
            }
        }
        throw new AssertionError("no central directory entry " + name);
    }
}
