package dev.natlint.bench;

import dev.natlint.NatLint;
import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.graph.Topology;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.RouterConfig;
import dev.natlint.parse.ParsedScript;
import dev.natlint.parse.RouterOsReader;
import dev.natlint.report.FileReport;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Each stage of natlint on the generated home, office and large configurations. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class NatLintBenchmark {

    @Param({"HOME", "OFFICE", "LARGE"})
    public ConfigGenerator.Tier tier;

    private String text;
    private ParsedScript parsed;
    private RouterConfig config;
    private Topology topology;
    private NatLint natlint;

    @Setup(Level.Trial)
    public void setUp() {
        text = ConfigGenerator.generate(tier, 1);
        parsed = RouterOsReader.read("bench.rsc", text);
        config = ConfigBuilder.build(parsed);
        topology = Topology.of(config);
        natlint = NatLint.builder().build();
    }

    @Benchmark
    public ParsedScript parse() {
        return RouterOsReader.read("bench.rsc", text);
    }

    @Benchmark
    public RouterConfig model() {
        return ConfigBuilder.build(parsed);
    }

    @Benchmark
    public Topology graph() {
        return Topology.of(config);
    }

    @Benchmark
    public List<ForwardFlows> analysis() {
        return FlowAnalyzer.of(topology).flowsByForward();
    }

    @Benchmark
    public FileReport check() {
        return natlint.checkText("bench.rsc", text);
    }
}
