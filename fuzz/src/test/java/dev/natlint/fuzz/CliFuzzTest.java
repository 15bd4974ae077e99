package dev.natlint.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import dev.natlint.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code natlint explain} and {@code natlint trace} through the command line ({@link Main#run}), with a
 * fuzzed script and fuzzed option values. The input's first line holds the arguments, separated by
 * tabs; the rest is the script, written to a file that the command reads:
 *
 * <pre>
 * explain TAB FORMAT
 * trace TAB FROM TAB TO TAB PORT TAB PROTOCOL [TAB IN-INTERFACE [TAB FORMAT]]
 * </pre>
 *
 * (a first field not starting with {@code e} means trace). Properties: no exception escapes, the exit
 * code is 0, 1 or 2, and natlint never reaches its "internal error" handler (which turns an exception
 * in a command into exit code 2, and so would hide a crash from the exit code alone).
 */
public class CliFuzzTest {

    private static Path scriptFile;

    @FuzzTest(maxDuration = "30s")
    void fuzzExplainTrace(@NotNull @WithLength(max = FuzzInput.MAX_BYTES) byte[] input) {
        cliProperties(input);
    }

    public static void cliProperties(byte[] input) {
        int nl = indexOf(input, (byte) '\n');
        String argLine = nl < 0 ? FuzzInput.decode(input) : FuzzInput.decode(java.util.Arrays.copyOf(input, nl));
        byte[] script = nl < 0 ? new byte[0] : java.util.Arrays.copyOfRange(input, nl + 1, input.length);
        Path file = writeScript(script);
        String[] f = argLine.split("\t", -1);
        List<String> args = new ArrayList<>();
        if (f[0].startsWith("e")) {
            args.add("explain");
            if (f.length > 1) {
                args.add("--format");
                args.add(f[1]);
            }
        } else {
            args.add("trace");
            option(args, "--from", f, 1);
            option(args, "--to", f, 2);
            option(args, "--port", f, 3);
            option(args, "--protocol", f, 4);
            option(args, "--in-interface", f, 5);
            option(args, "--format", f, 6);
        }
        args.add(file.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("exit code of %s; stderr: %s", args, err).isBetween(0, 2);
        assertThat(err.toString()).as("stderr of %s", args).doesNotContain("internal error");
    }

    private static void option(List<String> args, String name, String[] fields, int i) {
        if (i < fields.length) {
            args.add(name);
            args.add(fields[i]);
        }
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** One file per JVM, rewritten for every input (the commands take a path). */
    private static synchronized Path writeScript(byte[] script) {
        try {
            if (scriptFile == null) {
                Path dir = Files.createTempDirectory("natlint-fuzz-cli");
                dir.toFile().deleteOnExit();
                scriptFile = dir.resolve("fuzz.rsc");
                scriptFile.toFile().deleteOnExit();
            }
            Files.write(scriptFile, script);
            return scriptFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
