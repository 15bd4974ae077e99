package dev.natlint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.natlint.SourceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @Test
    void reportGetsTheSamePermissionsAsAnyNewFile(@TempDir Path dir) throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path report = dir.resolve("out/natlint.sarif");
        ReportFiles.writeAtomically(report, "{}\n");
        assertThat(Files.readString(report)).isEqualTo("{}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
        try (var s = Files.list(report.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("natlint.sarif");
        }
    }

    @Test
    void errorsGiveTheOperatingSystemsReasonOnly(@TempDir Path dir) throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> ReportFiles.writeAtomically(blocker.resolve("r.json"), "{}"))
                .isInstanceOfSatisfying(IOException.class, e ->
                        assertThat(SourceFiles.describe(e)).isIn("a file is in the way (not a directory)", "not a directory"));
        Path dirTarget = Files.createDirectories(dir.resolve("taken/sub"));
        assertThatThrownBy(() -> ReportFiles.writeAtomically(dirTarget.getParent(), "{}"))
                .isInstanceOfSatisfying(IOException.class, e -> {
                    String reason = SourceFiles.describe(e);
                    assertThat(reason).doesNotContain(".tmp").doesNotContain("Exception");
                });
        try (var s = Files.list(dir.resolve("taken"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("sub");
        }
    }
}
