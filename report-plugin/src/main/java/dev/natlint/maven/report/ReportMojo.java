package dev.natlint.maven.report;

import dev.natlint.NatLint;
import dev.natlint.NatLintException;
import dev.natlint.config.Settings;
import dev.natlint.diag.Finding;
import dev.natlint.report.FileReport;
import dev.natlint.report.FlowReport;
import dev.natlint.report.Report;
import dev.natlint.report.TextReporter;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RuleInfo;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * A page for {@code mvn site}: every finding of the project's RouterOS scripts, and for each script
 * its topology with the port forwards' flows (the picture of {@code natlint explain --format dot}),
 * drawn as SVG in Java. Settings come from natlint.toml as for {@code natlint:check}; the page never
 * fails the build, that is {@code check}'s job.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

    /** Directories searched for scripts. Default: {@code src/main/routeros}. */
    @Parameter(property = "natlint.sourceDirectories")
    List<File> sourceDirectories;

    /** The settings file. Default: the nearest {@code natlint.toml} in or above the project directory. */
    @Parameter(property = "natlint.config")
    File configFile;

    @Override
    public String getOutputName() {
        return "natlint";
    }

    @Override
    public String getName(Locale locale) {
        return "natlint";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Findings in the RouterOS scripts, and each script's topology with its port forwards' flows.";
    }

    private List<Path> directories() {
        List<File> dirs = sourceDirectories == null || sourceDirectories.isEmpty()
                ? List.of(new File(getProject().getBasedir(), "src/main/routeros")) : sourceDirectories;
        List<Path> out = new ArrayList<>();
        for (File d : dirs) {
            if (d.isDirectory()) {
                out.add(d.toPath());
            }
        }
        return out;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        Path basedir = getProject().getBasedir().toPath();
        Report report;
        NatLint lint;
        try {
            Path file = configFile != null ? configFile.toPath() : Settings.find(basedir).orElse(null);
            Settings settings = file == null ? Settings.NONE : Settings.load(file);
            lint = settings.applyTo(NatLint.builder().baseDirectory(basedir)).allowEmpty(true).build();
            report = lint.check(directories());
        } catch (NatLintException | IllegalArgumentException e) {
            throw new MavenReportException("natlint: " + e.getMessage());
        }
        Sink sink = getSink();
        sink.head();
        sink.title();
        sink.text("natlint");
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text("natlint");
        sink.sectionTitle1_();
        sink.paragraph();
        sink.text(TextReporter.summary(report));
        sink.paragraph_();
        if (!report.allFindings().isEmpty()) {
            findings(sink, report);
        }
        for (FileReport f : report.files()) {
            topology(sink, basedir.resolve(f.path()), f.path());
        }
        sink.section1_();
        sink.body_();
        sink.flush();
        sink.close();
    }

    private static void findings(Sink sink, Report report) {
        sink.table();
        sink.tableRows(null, false);
        sink.tableRow();
        for (String h : List.of("Script", "Line", "Severity", "Rule", "Finding")) {
            sink.tableHeaderCell();
            sink.text(h);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
        for (Finding f : report.allFindings()) {
            sink.tableRow();
            cell(sink, f.location().file());
            cell(sink, Integer.toString(f.location().line()));
            cell(sink, f.severity().label());
            sink.tableCell();
            sink.link(RuleInfo.docPath(f.ruleId()));
            sink.text(f.ruleId());
            sink.link_();
            sink.tableCell_();
            cell(sink, f.message() + (f.fix() == null ? "" : "\nfix: " + f.fix().description() + "\n" + f.fix().snippet()));
            sink.tableRow_();
        }
        sink.tableRows_();
        sink.table_();
    }

    private static void cell(Sink sink, String text) {
        sink.tableCell();
        sink.text(text);
        sink.tableCell_();
    }

    /** The script's topology and flows as SVG; a script natlint cannot read gets a sentence instead. */
    private static void topology(Sink sink, Path file, String shown) {
        sink.section2();
        sink.sectionTitle2();
        sink.text(shown);
        sink.sectionTitle2_();
        try {
            RuleContext ctx = RuleContext.of(shown, NatLint.readScript(file));
            sink.rawText(DotSvg.render(FlowReport.dot(ctx.analyzer(), ctx.allFlows())));
        } catch (NatLintException e) {
            sink.paragraph();
            sink.text("No topology: " + e.getMessage());
            sink.paragraph_();
        }
        sink.section2_();
    }
}
