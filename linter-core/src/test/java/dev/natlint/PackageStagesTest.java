package dev.natlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way: each stage's package imports only the stages before it
 * (text -> parse -> model -> typed policy -> graph -> packet sets -> flows -> rules -> reports), never a later one.
 * {@code work} (running independent work items on the cores, results in a fixed order) comes first: any stage may use it.
 * The facade {@code dev.natlint.NatLint} and the front-end helpers above the reports are not stages.
 */
class PackageStagesTest {

    private static final List<String> STAGES = List.of("work", "diag", "net", "parse", "model", "policy", "graph",
            "flow.packet", "flow", "rule", "report", "baseline", "fix", "config");

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.natlint\\.([a-z.]+?)\\.[A-Z]",
            Pattern.MULTILINE);

    @Test
    void everyStageImportsOnlyEarlierStages() throws IOException {
        Path root = Path.of("src/main/java/dev/natlint");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
                int stage = STAGES.indexOf(pkg);
                if (stage < 0) {
                    continue;
                }
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    int used = STAGES.indexOf(m.group(1));
                    if (used > stage) {
                        violations.add(root.relativize(f) + " imports " + m.group(1));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
