package dev.atelier.weights;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes pickle opcodes by hand, to make files no honest tool would write. */
final class PickleBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static PickleBytes protocol2() {
        PickleBytes p = new PickleBytes();
        p.op(0x80).op(2);
        return p;
    }

    /** The three header pickles of torch.save's legacy format: magic number, protocol 1001, little-endian. */
    static byte[] legacyHeader() {
        byte[] magic = {0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19};
        PickleBytes p = protocol2().op(0x8a).op(magic.length).raw(magic).stop();
        p.op(0x80).op(2).op('M').op(0xe9).op(0x03).stop();
        p.op(0x80).op(2).op('}').unicode("little_endian").op(0x88).op('s').stop();
        return p.bytes();
    }

    PickleBytes op(int code) {
        out.write(code);
        return this;
    }

    PickleBytes raw(byte[] data) {
        out.writeBytes(data);
        return this;
    }

    PickleBytes global(String module, String name) {
        return op('c').raw((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    PickleBytes unicode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        for (int i = 0; i < 4; i++) {
            out.write(b.length >>> (8 * i));
        }
        return raw(b);
    }

    PickleBytes int1(int v) {
        return op('K').op(v);
    }

    PickleBytes stop() {
        return op('.');
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
