package dev.natlint.report;

import dev.natlint.diag.Finding;
import dev.natlint.diag.Location;
import dev.natlint.diag.Severity;
import dev.natlint.rule.RuleInfo;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning tools: one run, every rule of the report as a driver rule, one
 * result per finding.
 *
 * <p>Choices worth knowing:
 * <ul>
 * <li>The fix travels in {@code properties.fix} ({@code description}, {@code snippet}). SARIF's own
 *     {@code fixes} describe replacements of exact byte regions of the artifact; natlint's fixes are
 *     RouterOS commands to run or append, with no region to replace, so a {@code fixes} entry would
 *     be a lie that tools might try to apply.</li>
 * <li>A finding whose rule id is not among the report's rules (typically {@code syntax} from the
 *     parser) gets a driver rule added after the registered ones, in order of first appearance, so
 *     every result carries a valid {@code ruleIndex} and viewers can still group by rule.</li>
 * <li>Relative paths become URIs relative to {@code %SRCROOT%} (declared in
 *     {@code originalUriBaseIds} without a value: the consumer knows where it checked out the
 *     sources). Absolute paths become {@code file:} URIs without a base.</li>
 * <li>A finding at line 0 (about the whole file) has no region; column 0 means the line only.</li>
 * <li>Every rule carries its page in {@code help} (text and Markdown) and its repository path in
 *     {@code properties.doc}. {@code helpUri} must be an absolute URI by the SARIF specification, so it
 *     is set only when a docs base URL is given (where the project publishes {@code rules/docs/});
 *     natlint does not invent one.</li>
 * </ul>
 */
public final class SarifReporter implements Reporter {

    /** Where tools and editors look up the schema; any string is allowed here by the spec. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SRCROOT = "%SRCROOT%";

    private final String version;
    private final String informationUri;
    private final String docsBaseUri;

    /** @param version natlint's version for {@code tool.driver.version}; null leaves it out */
    public SarifReporter(String version) {
        this(version, null);
    }

    /**
     * @param informationUri natlint's home page for {@code tool.driver.informationUri}; null leaves it
     *                       out; must be an absolute URI, as the schema demands
     */
    public SarifReporter(String version, String informationUri) {
        this(version, informationUri, null);
    }

    /**
     * @param docsBaseUri absolute URI under which {@code <id>.md} is each rule's page, giving
     *                    {@code helpUri}; null leaves {@code helpUri} out
     */
    public SarifReporter(String version, String informationUri, String docsBaseUri) {
        if (informationUri != null && !URI.create(informationUri).isAbsolute()) {
            throw new IllegalArgumentException("informationUri must be an absolute URI: " + informationUri);
        }
        if (docsBaseUri != null && !URI.create(docsBaseUri).isAbsolute()) {
            throw new IllegalArgumentException("the docs base must be an absolute URI: " + docsBaseUri);
        }
        this.version = version;
        this.informationUri = informationUri;
        this.docsBaseUri = docsBaseUri == null || docsBaseUri.endsWith("/") ? docsBaseUri : docsBaseUri + "/";
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Object> rules = new ArrayList<>();
        for (RuleInfo r : report.rules()) {
            // a duplicate id would make ruleIndex ambiguous; the first one wins
            if (!index.containsKey(r.id())) {
                index.put(r.id(), rules.size());
                rules.add(rule(r, docsBaseUri));
            }
        }
        List<Object> results = new ArrayList<>();
        for (FileReport file : report.files()) {
            Json.Obj artifact = artifactLocation(file.path());
            for (Finding f : file.findings()) {
                if (!index.containsKey(f.ruleId())) {
                    index.put(f.ruleId(), rules.size());
                    rules.add(adHocRule(f, docsBaseUri));
                }
                results.add(result(f, index.get(f.ruleId()), artifact));
            }
        }
        Json.Obj driver = Json.obj().put("name", "natlint").putIfNotNull("version", version)
                .putIfNotNull("informationUri", informationUri).put("rules", rules);
        Json.Obj run = Json.obj().put("tool", Json.obj().put("driver", driver))
                .put("originalUriBaseIds", Json.obj().put(SRCROOT, Json.obj().put("description",
                        text("The directory natlint was run in; relative result paths start there."))))
                .put("results", results);
        Json.write(Json.obj().put("$schema", SCHEMA).put("version", "2.1.0").put("runs", List.of(run)), out);
    }

    private static Json.Obj result(Finding f, int ruleIndex, Json.Obj artifact) {
        Json.Obj physical = Json.obj().put("artifactLocation", artifact).putIfNotNull("region", region(f.location()));
        Json.Obj result = Json.obj().put("ruleId", f.ruleId()).put("ruleIndex", ruleIndex)
                .put("level", level(f.severity())).put("message", text(f.message()))
                .put("locations", List.of(Json.obj().put("physicalLocation", physical)));
        Json.Obj properties = Json.obj();
        if (f.fix() != null) {
            properties.put("fix", Json.obj().put("description", f.fix().description()).put("snippet", f.fix().snippet()));
        }
        if (!f.assumptions().isEmpty()) {
            properties.put("certainty", f.certainty().id()).put("assumptions", Json.assumptions(f.assumptions()));
        }
        if (f.fix() != null || !f.assumptions().isEmpty()) {
            result.put("properties", properties);
        }
        return result;
    }

    /** The schema wants lines and columns of at least 1; 0 means "not known" in a {@link Location}. */
    private static Json.Obj region(Location l) {
        if (l.line() < 1) {
            return null;
        }
        Json.Obj region = Json.obj().put("startLine", l.line());
        return l.column() < 1 ? region : region.put("startColumn", l.column());
    }

    private static Json.Obj rule(RuleInfo r, String docsBaseUri) {
        return Json.obj().put("id", r.id()).put("shortDescription", text(r.summary()))
                .put("fullDescription", text(r.description()))
                .putIfNotNull("helpUri", helpUri(r.id(), docsBaseUri))
                .put("help", Json.obj().put("text", r.helpMarkdown()).put("markdown", r.helpMarkdown()))
                .put("defaultConfiguration", Json.obj().put("level", level(r.defaultSeverity())))
                .put("properties", Json.obj().put("doc", RuleInfo.docPath(r.id())));
    }

    /** All we know about an unregistered rule is its id, its page's place and the severity of its first finding. */
    private static Json.Obj adHocRule(Finding f, String docsBaseUri) {
        String page = RuleInfo.docPath(f.ruleId());
        return Json.obj().put("id", f.ruleId())
                .put("shortDescription", text(f.ruleId()))
                .putIfNotNull("helpUri", helpUri(f.ruleId(), docsBaseUri))
                .put("help", Json.obj().put("text", "See " + page + ".").put("markdown", "See [" + page + "](" + page + ")."))
                .put("defaultConfiguration", Json.obj().put("level", level(f.severity())))
                .put("properties", Json.obj().put("doc", page));
    }

    private static String helpUri(String id, String docsBaseUri) {
        return docsBaseUri == null ? null : docsBaseUri + encode(id) + ".md";
    }

    private static Json.Obj text(String text) {
        return Json.obj().put("text", text);
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    // ---- paths to URIs ---------------------------------------------------------------------------

    static Json.Obj artifactLocation(String path) {
        String p = path.replace('\\', '/');
        if (p.matches("[A-Za-z]:/.*")) {
            return Json.obj().put("uri", "file:///" + p.substring(0, 2) + encode(p.substring(2)));
        }
        if (p.startsWith("//")) {
            return Json.obj().put("uri", "file:" + encode(p)); // UNC: //server/share/...
        }
        if (p.startsWith("/")) {
            return Json.obj().put("uri", "file://" + encode(p));
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return Json.obj().put("uri", encode(p)).put("uriBaseId", SRCROOT);
    }

    /**
     * Percent-encodes a path so it is a valid URI reference: unreserved characters, sub-delimiters,
     * {@code @} and {@code /} stay, everything else (spaces, {@code %}, non-ASCII as UTF-8 bytes) is
     * encoded. {@code :} is encoded too, because in a relative reference's first segment it would be
     * read as a scheme.
     */
    static String encode(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=@/".indexOf(c) >= 0)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
