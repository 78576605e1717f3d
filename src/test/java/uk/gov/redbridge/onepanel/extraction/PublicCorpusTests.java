package uk.gov.redbridge.onepanel.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.redbridge.onepanel.External;

/**
 * The public corpus ({@code ../shared/corpus}) through the command line, scored by the corpus's own scorer
 * ({@code ../shared/tools/score-extraction}, Python 3): every field read right (1.000), no wrong value, and every
 * input that cannot hold a form given the expected reason.
 */
@External
class PublicCorpusTests {

    static final Path SHARED = Path.of("..", "shared");
    static final Pattern LAST_LINE = Pattern.compile(
            "field accuracy ([0-9.]+) \\((\\d+)/(\\d+)\\), wrong values (\\d+), exceptions (\\d+)/(\\d+)");

    @Test
    void everyFieldOfTheCorpusIsReadRightWithEveryExpectedException(@TempDir Path out) throws Exception {
        Path corpus = SHARED.resolve("corpus");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
        int status = ExtractCommand.run(new String[] {corpus.resolve("forms").toString(),
            corpus.resolve("emails").toString(), "--out", out.toString()}, print, print);
        assertThat(status).as(log.toString(StandardCharsets.UTF_8)).isZero();

        String report = score(corpus, out);
        System.out.println(report);
        String last = report.strip().lines().reduce((a, b) -> b).orElse("");
        Matcher m = LAST_LINE.matcher(last);
        assertThat(m.matches()).as(report).isTrue();
        assertThat(m.group(2)).as("every field right\n" + report).isEqualTo(m.group(3));
        assertThat(m.group(4)).as("no wrong value\n" + report).isEqualTo("0");
        assertThat(m.group(5)).as("exceptions as expected\n" + report).isEqualTo(m.group(6));
    }

    private static String score(Path corpus, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("python3", SHARED.resolve("tools").resolve("score-extraction")
                .toString(), corpus.toString(), out.toString())).redirectErrorStream(true).start();
        byte[] report = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String(report, StandardCharsets.UTF_8);
    }
}
