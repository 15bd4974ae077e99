package dev.natlint.report;

import dev.natlint.diag.Assumption;
import dev.natlint.diag.Certainty;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Location;
import dev.natlint.diag.Severity;
import dev.natlint.rule.RuleInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GNU-style lines ({@code path:line:col: severity: message [rule-id]}) that terminals and IDEs turn
 * into links, each fix indented below its finding, and a summary line:
 *
 * <pre>
 * edge.rsc:14:1: error: LAN client ... [hairpin-missing-masquerade]
 *     fix: masquerade LAN clients of 192.168.1.0/24 ...
 *         /ip firewall nat add action=masquerade ...
 *     see rules/docs/hairpin-missing-masquerade.md
 * 1 finding (1 error) in 1 file
 * </pre>
 *
 * The {@code see} line names the rule's page, relative to the repository root (it is also inside the
 * rules jar), so it can be read without a network.
 *
 * The fix description sits 4 spaces in and its snippet 4 further, so the snippet reads as belonging
 * to the fix and no continuation line can be mistaken for a new {@code path:line:col} finding.
 */
public final class TextReporter implements Reporter {

    private static final String FIX_INDENT = "    ";
    private static final String SNIPPET_INDENT = "        ";

    private final boolean colour;
    private final boolean printFixes;

    /** Plain text with fixes: what files, pipes and CI logs want. */
    public TextReporter() {
        this(false, true);
    }

    public TextReporter(boolean colour) {
        this(colour, true);
    }

    /**
     * @param colour     colour the severity word with ANSI codes (red error, yellow warning, cyan info);
     *                   only that word, so links and copied messages stay clean
     * @param printFixes print each finding's fix under it
     */
    public TextReporter(boolean colour, boolean printFixes) {
        this.colour = colour;
        this.printFixes = printFixes;
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        for (FileReport file : report.files()) {
            for (Finding f : file.findings()) {
                out.append(line(f)).append('\n');
                for (String a : assumptionLines(f)) {
                    out.append(FIX_INDENT).append(visible(a)).append('\n');
                }
                if (printFixes && f.fix() != null) {
                    out.append(FIX_INDENT).append("fix: ").append(visible(f.fix().description())).append('\n');
                    indented(out, f.fix().snippet(), SNIPPET_INDENT);
                }
                out.append(FIX_INDENT).append(docLine(f)).append('\n');
            }
        }
        out.append(summary(report)).append('\n');
    }

    /**
     * What the finding's verdict rests on, one line each ({@code assumes: time=8h-17h is not analysed;
     * assumed to match (line 23)}, or {@code unknown: ...}): every front end prints these under the
     * finding, so an assumed verdict never reads as a proven one.
     */
    public static List<String> assumptionLines(Finding f) {
        List<String> out = new ArrayList<>(f.assumptions().size());
        for (Assumption a : f.assumptions()) {
            out.add((a.certainty() == Certainty.UNKNOWN ? "unknown: " : "assumes: ") + a.describe());
        }
        return out;
    }

    /**
     * One finding as a GNU-style line. A message spanning several lines has its continuation lines
     * indented, so that only the first line looks like a {@code path:line:col} link.
     */
    public String line(Finding f) {
        String[] message = f.message().split("\r\n|\r|\n", -1);
        StringBuilder sb = new StringBuilder().append(visible(position(f.location()))).append(": ")
                .append(severity(f.severity())).append(": ").append(visible(message[0]));
        for (int i = 1; i < message.length; i++) {
            sb.append('\n').append(FIX_INDENT).append(visible(message[i]));
        }
        return sb.append(" [").append(visible(f.ruleId())).append(']').toString();
    }

    /** {@code see rules/docs/<id>.md}: where the finding's rule is explained. */
    public static String docLine(Finding f) {
        return "see " + visible(RuleInfo.docPath(f.ruleId()));
    }

    /**
     * {@code path:line:col}, or the shorter GNU forms {@code path:line} and {@code path} when the
     * finding has no column or concerns the whole file (0 stands for "unknown").
     */
    private static String position(Location l) {
        if (l.line() < 1) {
            return l.file();
        }
        return l.column() < 1 ? l.file() + ":" + l.line() : l.file() + ":" + l.line() + ":" + l.column();
    }

    private static void indented(Appendable out, String text, String indent) throws IOException {
        // trailing line ends are dropped (split without a limit) so a snippet ending in \n adds no blank line
        for (String l : text.split("\r\n|\r|\n")) {
            // an empty line gets no indent, so the output has no trailing blanks
            out.append(l.isEmpty() ? "" : indent).append(visible(l)).append('\n');
        }
    }

    /**
     * Messages quote the checked config, which may come from anyone; a raw ESC or other control
     * character from it could rewrite the user's terminal, so control characters other than tab are
     * shown as {@code \}{@code uXXXX} instead.
     */
    static String visible(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\t' && (c < 0x20 || (c >= 0x7f && c < 0xa0))) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
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

    /** {@code 3 findings (2 errors, 1 warning) in 2 files} or {@code no findings in 5 files}. */
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
