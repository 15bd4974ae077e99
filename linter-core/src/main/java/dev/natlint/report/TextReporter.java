package dev.natlint.report;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Severity;

/**
 * GNU-style lines ({@code path:line:col: severity: message [rule-id]}) that terminals and IDEs turn
 * into links, each fix indented below its finding, and a summary line.
 */
public final class TextReporter {

    private final boolean colour;
    private final boolean printFixes;

    public TextReporter(boolean colour, boolean printFixes) {
        this.colour = colour;
        this.printFixes = printFixes;
    }

    public String render(Report report) {
        StringBuilder sb = new StringBuilder();
        for (FileReport file : report.files()) {
            for (Finding f : file.findings()) {
                sb.append(line(f)).append('\n');
                if (printFixes && f.fix() != null) {
                    sb.append("    fix: ").append(f.fix().description()).append('\n');
                    for (String l : f.fix().snippet().split("\n", -1)) {
                        sb.append("        ").append(l).append('\n');
                    }
                }
            }
        }
        sb.append(summary(report)).append('\n');
        return sb.toString();
    }

    /** One finding as a GNU-style line. */
    public String line(Finding f) {
        return f.location() + ": " + severity(f.severity()) + ": " + f.message() + " [" + f.ruleId() + "]";
    }

    private String severity(Severity s) {
        if (!colour) {
            return s.label();
        }
        String code = switch (s) {
            case ERROR -> "31";
            case WARNING -> "33";
            case INFO -> "36";
        };
        return "\u001b[" + code + "m" + s.label() + "\u001b[0m";
    }

    public static String summary(Report report) {
        long n = report.allFindings().size();
        int files = report.files().size();
        String inFiles = " in " + files + (files == 1 ? " file" : " files");
        if (n == 0) {
            return "no findings" + inFiles;
        }
        StringBuilder sb = new StringBuilder().append(n).append(n == 1 ? " finding (" : " findings (");
        boolean first = true;
        for (Severity s : Severity.values()) {
            long c = report.count(s);
            if (c > 0) {
                sb.append(first ? "" : ", ").append(c).append(' ').append(s.label()).append(c == 1 ? "" : "s");
                first = false;
            }
        }
        return sb.append(')').append(inFiles).toString();
    }
}
