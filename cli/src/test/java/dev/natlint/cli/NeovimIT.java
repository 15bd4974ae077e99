package dev.natlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor, headless: Neovim starts {@code natlint lsp} from the built jar, opens the seed script and
 * writes the diagnostics it received to a file. Runs after {@code package}, when the jar exists. Without
 * Neovim it is skipped, except in CI ({@code CI=true}), whose set-up installs it: there it fails.
 */
class NeovimIT {

    static final Path JAR = Path.of("target/natlint.jar").toAbsolutePath();
    static final Path SEED = Path.of("../test-configs/scenarios/seed-hairpin-broken.rsc").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void neovimShowsTheHairpinDiagnosticOnTheWholeForward() throws Exception {
        if (!onPath("nvim")) {
            if ("true".equals(System.getenv("CI"))) {
                fail("nvim is not installed, and CI must run the editor test (.ci/run installs neovim)");
            }
            Assumptions.abort("nvim is not installed: the Neovim editor test is skipped (apt-get install neovim)");
        }
        assertThat(JAR).exists();
        Path script = Path.of("src/test/resources/nvim/lsp-diagnostics.lua").toAbsolutePath();
        Path out = tmp.resolve("diagnostics.txt");
        ProcessBuilder pb = new ProcessBuilder("nvim", "--headless", "-n", "-i", "NONE", "-u", "NONE",
                "-c", "luafile " + script);
        pb.environment().put("NATLINT_JAR", JAR.toString());
        pb.environment().put("NATLINT_FILE", SEED.toString());
        pb.environment().put("NATLINT_OUT", out.toString());
        pb.environment().put("NATLINT_TIMEOUT_MS", "60000");
        pb.directory(tmp.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("nvim.log").toFile());
        byte[] before = Files.readAllBytes(SEED);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("nvim did not quit within 120 s; its output: " + read(tmp.resolve("nvim.log")));
        }
        assertThat(out).as("nvim output: %s", read(tmp.resolve("nvim.log"))).exists();
        List<String> lines = Files.readAllLines(out);
        String forward = Files.readAllLines(SEED).get(13);
        assertThat(lines.get(0)).as(String.join("\n", lines)).isEqualTo("diagnostics");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("13:0-13:" + forward.length() + " severity=1 code=hairpin-missing-masquerade"
                + " source=natlint LAN client 192.168.1.10 -> 1.1.1.1:80/tcp");
        assertThat(Files.readAllBytes(SEED)).isEqualTo(before);
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : "(none)";
    }
}
