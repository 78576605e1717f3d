package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

import tools.jackson.databind.json.JsonMapper;

import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadingLimits;

/**
 * The frames exchanged with a parsing worker over its standard input and output. A request carries the file name,
 * the limits and the bytes; a reply carries the layout as JSON, or a failure, and may be preceded by {@link #CHECKED}
 * (the document is within its size limits: reading proper starts). Lengths are checked before anything is
 * allocated, so that neither side can be made to allocate more than it allows.
 */
final class Protocol {

    static final int READY = 0x4F50_5257;
    static final int REQUEST = 0x4F50_5251;
    static final int REPLY_LAYOUT = 0x4F50_524C;
    static final int REPLY_FAILURE = 0x4F50_5246;
    /** Sent by the worker before its reply, once the document's size limits are checked and reading starts. */
    static final int CHECKED = 0x4F50_5243;

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Request(String fileName, ReadingLimits limits) {
    }

    record Failure(FailureReason reason, String explanation) {
    }

    private Protocol() {
    }

    static void writeRequest(DataOutputStream out, String fileName, ReadingLimits limits, byte[] content)
            throws IOException {
        byte[] header = JSON.writeValueAsBytes(new Request(fileName, limits));
        out.writeInt(REQUEST);
        out.writeInt(header.length);
        out.write(header);
        out.writeInt(content.length);
        out.write(content);
        out.flush();
    }

    static void writeLayout(DataOutputStream out, DocumentLayout layout) throws IOException {
        byte[] body = JSON.writeValueAsBytes(layout);
        out.writeInt(REPLY_LAYOUT);
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    static void writeFailure(DataOutputStream out, FailureReason reason, String explanation) throws IOException {
        byte[] body = JSON.writeValueAsBytes(new Failure(reason, explanation));
        out.writeInt(REPLY_FAILURE);
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    /** Reads a length-prefixed block no larger than {@code max}. */
    static byte[] readBlock(DataInputStream in, long max) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > max) {
            throw new IOException("frame of " + length + " bytes is over the limit");
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }

    static int readTag(DataInputStream in) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new EOFException("worker closed its output");
        }
    }
}
