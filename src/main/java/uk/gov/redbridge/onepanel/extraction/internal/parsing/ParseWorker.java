package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.reading.DocumentReader;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadFailure;

/**
 * The parsing worker: a separate JVM, started by {@link WorkerPool} with its own heap limit and
 * {@code -XX:+ExitOnOutOfMemoryError}, that reads documents from its standard input and writes their layouts to its
 * standard output, one at a time. Whatever a parser does (loop, exhaust memory, crash) ends here; the service only
 * sees a late, missing or failed reply. Nothing is logged: parser messages can quote documents.
 */
public final class ParseWorker {

    private ParseWorker() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        // libraries that print to standard output must not corrupt the replies
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        out.writeInt(Protocol.READY);
        out.flush();
        while (true) {
            int tag;
            try {
                tag = in.readInt();
            } catch (EOFException e) {
                // the service closed the pipe: shut down
                return;
            }
            if (tag != Protocol.REQUEST) {
                return;
            }
            Protocol.Request request = Protocol.JSON.readValue(Protocol.readBlock(in, 1 << 20), Protocol.Request.class);
            byte[] content = Protocol.readBlock(in, request.limits().maxBytes());
            try {
                DocumentLayout layout = new DocumentReader(request.limits()).read(request.fileName(), content,
                        () -> checked(out));
                Protocol.writeLayout(out, layout);
            } catch (ReadFailure f) {
                Protocol.writeFailure(out, f.reason(), f.explanation());
            } catch (RuntimeException | StackOverflowError e) {
                Protocol.writeFailure(out, FailureReason.CORRUPT, "the document could not be read ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
    }

    /** Tells the service that the document is within its size limits and reading proper starts now. */
    private static void checked(DataOutputStream out) {
        try {
            out.writeInt(Protocol.CHECKED);
            out.flush();
        } catch (IOException e) {
            // the service stopped listening: the reply that follows fails to be written too, and the worker ends
            throw new UncheckedIOException(e);
        }
    }
}
