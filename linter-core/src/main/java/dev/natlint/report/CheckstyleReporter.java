package dev.natlint.report;

import dev.natlint.diag.Finding;
import java.io.IOException;

/**
 * Checkstyle's XML report, which many CI servers and code-review tools import:
 * {@code <checkstyle version><file name><error line column severity message source/></file></checkstyle>}.
 * Every checked file appears, clean ones without {@code error} elements; {@code source} is
 * {@code natlint.<rule-id>}. Checkstyle's severities are error, warning and info, like natlint's. Line
 * and column are left out when unknown (0), since the format wants positive numbers.
 */
public final class CheckstyleReporter implements Reporter {

    /** The Checkstyle XML version this output follows. */
    public static final String FORMAT_VERSION = "4.3";

    @Override
    public void write(Report report, Appendable out) throws IOException {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<checkstyle version=\"").append(FORMAT_VERSION).append("\">\n");
        for (FileReport file : report.files()) {
            out.append("  <file name=\"").append(Xml.escape(file.path())).append('"');
            if (file.findings().isEmpty()) {
                out.append("/>\n");
                continue;
            }
            out.append(">\n");
            for (Finding f : file.findings()) {
                out.append("    <error");
                if (f.location().line() > 0) {
                    out.append(" line=\"").append(Integer.toString(f.location().line())).append('"');
                    if (f.location().column() > 0) {
                        out.append(" column=\"").append(Integer.toString(f.location().column())).append('"');
                    }
                }
                out.append(" severity=\"").append(f.severity().label()).append('"')
                        .append(" message=\"").append(Xml.escape(f.message())).append('"')
                        .append(" source=\"natlint.").append(Xml.escape(f.ruleId())).append("\"/>\n");
            }
            out.append("  </file>\n");
        }
        out.append("</checkstyle>\n");
    }
}
