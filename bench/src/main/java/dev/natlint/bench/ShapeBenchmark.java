package dev.natlint.bench;

import dev.natlint.NatLint;
import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.model.ConfigBuilder;
import dev.natlint.model.RouterConfig;
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

/**
 * The analysis and the whole check of each {@link ShapeGenerator} shape, warm. The shapes take seconds
 * per operation, so each iteration is one operation (single shot) after two warm-up operations, in a
 * 512 MiB heap as the whole-tool runs get. {@code -p shape=forwards-100,forwards-200,...} runs the
 * points of a scaling series instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class ShapeBenchmark {

    @Param({"lists-100-vlans", "lists-25-vlans", "no-lists-100-vlans", "few-vlans-many-forwards",
            "ports-one-address", "many-public-addresses"})
    public String shape;

    private String text;
    private RouterConfig config;
    private NatLint natlint;

    @Setup(Level.Trial)
    public void setUp() {
        text = ShapeGenerator.generate(spec(shape), 1);
        config = ConfigBuilder.build(RouterOsReader.read("shape.rsc", text));
        natlint = NatLint.builder().build();
    }

    /** A shape by its id, or a point of a scaling series ({@code list-rules-200}). */
    static ShapeGenerator.Spec spec(String id) {
        for (ShapeGenerator.Shape s : ShapeGenerator.Shape.values()) {
            if (s.id().equals(id)) {
                return s.spec;
            }
        }
        for (String d : ShapeGenerator.SERIES) {
            ShapeGenerator.Spec point = ShapeGenerator.series(d).get(id);
            if (point != null) {
                return point;
            }
        }
        throw new IllegalArgumentException("no shape " + id);
    }

    @Benchmark
    public List<ForwardFlows> analysis() {
        return FlowAnalyzer.of(config).flowsByForward();
    }

    @Benchmark
    public FileReport check() {
        return natlint.checkText("shape.rsc", text);
    }
}
