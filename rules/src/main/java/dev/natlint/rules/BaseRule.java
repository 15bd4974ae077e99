package dev.natlint.rules;

import dev.natlint.diag.Assumption;
import dev.natlint.diag.Finding;
import dev.natlint.diag.Fix;
import dev.natlint.diag.Location;
import dev.natlint.diag.Related;
import dev.natlint.flow.Flow;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.flow.Stage;
import dev.natlint.flow.packet.PacketSet;
import dev.natlint.flow.Verdict;
import dev.natlint.rule.Rule;
import dev.natlint.rule.RuleContext;
import dev.natlint.rule.RuleInfo;
import java.util.Collection;
import java.util.List;

/**
 * What the rules share: findings with the metadata of the class's {@link dev.natlint.rule.RulePattern}
 * (the help text is the rule's page in {@code rules/docs}), and the flow selections several rules make.
 */
abstract class BaseRule implements Rule {

    Finding finding(Location at, String message, Fix fix) {
        RuleInfo info = info();
        return new Finding(info.id(), info.defaultSeverity(), at, message, fix);
    }

    /**
     * A finding about {@code flows}: it carries what their verdicts rest on, so a verdict that holds only
     * under an assumption says so in every report.
     */
    Finding finding(Location at, String message, Fix fix, Collection<Flow> flows) {
        List<Assumption> assumptions = List.of();
        for (Flow f : flows) {
            assumptions = Assumption.merge(assumptions, f.assumptions());
        }
        RuleInfo info = info();
        return new Finding(info.id(), info.defaultSeverity(), at, message, fix, assumptions);
    }

    /** As {@link #finding(Location, String, Fix, Collection)}, naming the other lines the finding is about. */
    Finding finding(Location at, String message, Fix fix, Collection<Flow> flows, List<Related> related) {
        Finding f = finding(at, message, fix, flows);
        return new Finding(f.ruleId(), f.severity(), f.location(), f.message(), f.fix(), f.assumptions(), related);
    }

    /**
     * The internet flows of a forward that its own matchers admit: clients it leaves out on purpose
     * ({@code in-interface-list=LAN}, one uplink's {@code in-interface}) are not its users.
     */
    static List<Flow> admittedInternetFlows(RuleContext ctx, ForwardFlows ff) {
        PacketSet own = ctx.analysis().newConnections(ff.forward().rule(), Stage.DSTNAT).packets();
        return ff.flows().stream().filter(f -> f.source().internet() && !f.packets().intersect(own).isEmpty()).toList();
    }

    /** The flows of one forward with {@code verdict}, from LAN clients or from the internet. */
    static List<Flow> flows(ForwardFlows ff, Verdict verdict, boolean internet) {
        return ff.flows().stream().filter(f -> f.verdict() == verdict && f.source().internet() == internet).toList();
    }
}
