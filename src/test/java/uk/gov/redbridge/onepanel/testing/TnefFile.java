package uk.gov.redbridge.onepanel.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a minimal Outlook winmail.dat (TNEF, MS-OXTNEF): the signature, a version attribute, and for each file an
 * attachment rendering, its title (file name) and its data. Enough for readers such as POI's HMEF; the project's
 * own fixture, made by code.
 */
public final class TnefFile {

    private static final int SIGNATURE = 0x223E9F78;
    private static final int LEVEL_MESSAGE = 1;
    private static final int LEVEL_ATTACHMENT = 2;
    // attribute ids are (type << 16) | id
    private static final int ATT_TNEF_VERSION = 0x00089006;
    private static final int ATT_ATTACH_RENDDATA = 0x00069002;
    private static final int ATT_ATTACH_TITLE = 0x00018010;
    private static final int ATT_ATTACH_DATA = 0x0006800F;

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    public static TnefFile create() {
        return new TnefFile();
    }

    public TnefFile file(String name, byte[] content) {
        files.put(name, content);
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, SIGNATURE);
        writeShort(out, 0x0001);
        attribute(out, LEVEL_MESSAGE, ATT_TNEF_VERSION, new byte[] {0, 0, 1, 0});
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            attribute(out, LEVEL_ATTACHMENT, ATT_ATTACH_RENDDATA, new byte[14]);
            byte[] name = (f.getKey() + "\0").getBytes(StandardCharsets.ISO_8859_1);
            attribute(out, LEVEL_ATTACHMENT, ATT_ATTACH_TITLE, name);
            attribute(out, LEVEL_ATTACHMENT, ATT_ATTACH_DATA, f.getValue());
        }
        return out.toByteArray();
    }

    private static void attribute(ByteArrayOutputStream out, int level, int id, byte[] data) {
        out.write(level);
        writeInt(out, id);
        writeInt(out, data.length);
        out.writeBytes(data);
        int checksum = 0;
        for (byte b : data) {
            checksum = (checksum + (b & 0xFF)) & 0xFFFF;
        }
        writeShort(out, checksum);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.writeBytes(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array());
    }
}
