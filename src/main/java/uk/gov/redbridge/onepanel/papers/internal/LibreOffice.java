package uk.gov.redbridge.onepanel.papers.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Converts office documents to PDF with LibreOffice ({@code soffice --headless --convert-to pdf}) when it is
 * installed: each conversion in a temporary folder of its own (with its own LibreOffice profile, so conversions do
 * not share state), stopped after the timeout, and the folder removed afterwards.
 */
@Component
class LibreOffice {

    private static final Logger log = LoggerFactory.getLogger(LibreOffice.class);

    private final Optional<Path> command;
    private final PapersSettings settings;

    LibreOffice(PapersSettings settings) {
        this.settings = settings;
        this.command = find(settings.libreoffice());
        log.info("Office documents in papers: {}", command.map(c -> "converted by LibreOffice (" + c + ")")
                .orElse("rendered from their text and tables (LibreOffice not found)"));
    }

    boolean available() {
        return command.isPresent();
    }

    /**
     * @param extension the document's file extension without the dot, so LibreOffice picks the right filter
     * @throws ConversionException with a reason in plain words
     */
    byte[] toPdf(byte[] document, String extension) {
        Path soffice = command.orElseThrow(() -> new ConversionException("LibreOffice is not installed"));
        Path work = null;
        try {
            work = Files.createTempDirectory("onepanel-papers-");
            Path in = work.resolve("document." + (extension.matches("[a-z0-9]{1,5}") ? extension : "bin"));
            Files.write(in, document);
            Path out = Files.createDirectories(work.resolve("out"));
            Process process = new ProcessBuilder(List.of(soffice.toString(),
                    "-env:UserInstallation=" + work.resolve("profile").toUri(), "--headless", "--norestore",
                    "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "pdf", "--outdir", out.toString(),
                    in.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("soffice.log").toFile())
                    .start();
            if (!process.waitFor(settings.libreofficeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ConversionException("LibreOffice took longer than "
                        + settings.libreofficeTimeout().toSeconds() + " seconds");
            }
            Path pdf = out.resolve("document.pdf");
            if (process.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
                throw new ConversionException("LibreOffice could not convert it (exit code " + process.exitValue()
                        + ")");
            }
            return Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new ConversionException("LibreOffice could not be run: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversionException("interrupted");
        } finally {
            delete(work);
        }
    }

    private static Optional<Path> find(String configured) {
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        if (configured.contains(File.separator)) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, configured);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove a temporary folder of a conversion: {}", e.getClass().getSimpleName());
        }
    }
}
