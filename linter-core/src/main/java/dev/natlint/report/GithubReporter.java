package dev.natlint.report;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Location;
import dev.natlint.rule.RuleInfo;
import java.io.IOException;

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the pull request:
 * {@code ::error file=path,line=14,col=1,title=rule-id::message}, then a plain summary line.
 * Severities map to {@code error}, {@code warning} and {@code notice}. The message carries the fix
 * and the rule's page on further lines.
 *
 * <p>GitHub's escaping: in the message, {@code %}, CR and LF become {@code %25}, {@code %0D} and
 * {@code %0A}; in property values also {@code :} and {@code ,} ({@code %3A}, {@code %2C}).
 */
public final class GithubReporter implements Reporter {

    @Override
    public void write(Report report, Appendable out) throws IOException {
        for (FileReport file : report.files()) {
            for (Finding f : file.findings()) {
                out.append("::").append(command(f)).append(" file=").append(property(file.path()));
                Location l = f.location();
                if (l.line() > 0) {
                    out.append(",line=").append(Integer.toString(l.line()));
                    if (l.column() > 0) {
                        out.append(",col=").append(Integer.toString(l.column()));
                    }
                }
                out.append(",title=").append(property(f.ruleId())).append("::").append(data(message(f))).append('\n');
            }
        }
        out.append(TextReporter.summary(report)).append('\n');
    }

    private static String command(Finding f) {
        return switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    private static String message(Finding f) {
        StringBuilder sb = new StringBuilder(f.message());
        if (f.fix() != null) {
            sb.append("\nfix: ").append(f.fix().description()).append('\n').append(f.fix().snippet().strip());
        }
        return sb.append("\nsee ").append(RuleInfo.docPath(f.ruleId())).toString();
    }

    /** The message part (after {@code ::}). */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value (file, title): the message escapes plus {@code :} and {@code ,}. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
