package dev.natlint.parse;

import dev.natlint.diag.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole file after parsing: its commands in source order, the syntax findings, and its comment
 * lines (needed for {@code # natlint:ignore} suppressions).
 *
 * @param commentsByLine comment text (without the leading {@code #}) keyed by 1-based line
 */
public record ParsedScript(String file, List<Command> commands, List<Finding> syntaxFindings,
                           Map<Integer, String> commentsByLine, Optional<String> routerOsVersion) {

    public ParsedScript {
        commands = List.copyOf(commands);
        syntaxFindings = List.copyOf(syntaxFindings);
        commentsByLine = Map.copyOf(commentsByLine);
    }
}
