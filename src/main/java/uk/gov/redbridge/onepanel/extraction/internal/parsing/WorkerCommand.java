package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The command line that starts a parsing worker with the same code as the running service: from the Spring Boot
 * executable jar through Boot's {@code PropertiesLauncher} with {@code -Dloader.main}, or from a plain class path
 * (tests, an IDE, {@code mvn spring-boot:run}).
 */
final class WorkerCommand {

    static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private WorkerCommand() {
    }

    static List<String> build(WorkerOptions options, Path tempDirectory) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + options.heapMegabytes() + "m");
        cmd.add("-Xss2m");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Djava.io.tmpdir=" + tempDirectory);
        // parsers' own logging can quote documents: none of it is kept
        cmd.add("-Dlogback.configurationFile=extraction/parse-worker-logback.xml");
        cmd.add("-Dorg.apache.commons.logging.Log=org.apache.commons.logging.impl.NoOpLog");
        String classPath = System.getProperty("java.class.path");
        String bootJar = bootJar(classPath);
        if (bootJar != null) {
            cmd.add("-Dloader.main=" + ParseWorker.class.getName());
            cmd.add("-cp");
            cmd.add(bootJar);
            cmd.add(LAUNCHER);
        } else {
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.add(ParseWorker.class.getName());
        }
        return cmd;
    }

    /** The executable jar the service runs from, or null when it runs from a class path. */
    static String bootJar(String classPath) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/classes/") != null || jar.getEntry("BOOT-INF/lib/") != null
                    ? new File(classPath).getAbsolutePath() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
