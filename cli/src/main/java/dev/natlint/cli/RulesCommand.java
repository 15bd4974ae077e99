package dev.natlint.cli;

import dev.natlint.NatLint;
import dev.natlint.report.Json;
import dev.natlint.rule.Rule;
import dev.natlint.rule.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every rule: id, default severity and summary (--format json adds each page).")
final class RulesCommand implements Callable<Integer> {

    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE})", defaultValue = "text")
    Format format;

    /** Registered rules and the engine's own, by id. */
    static List<RuleInfo> all() {
        List<RuleInfo> out = new ArrayList<>();
        NatLint.discoverRules().stream().map(Rule::info).forEach(out::add);
        out.addAll(NatLint.builtInRules());
        out.sort(Comparator.comparing(RuleInfo::id));
        return out;
    }

    @Override
    public Integer call() {
        List<RuleInfo> rules = all();
        StringBuilder sb = new StringBuilder();
        if (format == Format.json) {
            List<Object> items = new ArrayList<>();
            for (RuleInfo r : rules) {
                items.add(Json.obj().put("id", r.id()).put("severity", r.defaultSeverity().label())
                        .put("summary", r.summary()).put("doc", r.docPath()));
            }
            sb.append(Json.write(Json.obj().put("rules", items)));
        } else {
            int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(0);
            for (RuleInfo r : rules) {
                sb.append(String.format("%-" + width + "s  %-7s  %s\n", r.id(), r.defaultSeverity().label(), r.summary()));
            }
            sb.append(rules.size()).append(" rules; each explained in rules/docs/<id>.md\n");
        }
        spec.commandLine().getOut().print(sb);
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
