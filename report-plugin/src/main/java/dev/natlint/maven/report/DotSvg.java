package dev.natlint.maven.report;

import com.mxgraph.layout.hierarchical.mxHierarchicalLayout;
import com.mxgraph.util.mxCellRenderer;
import com.mxgraph.util.mxXmlUtils;
import com.mxgraph.view.mxGraph;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.util.SupplierUtil;

/**
 * Draws the topology DOT that {@code natlint explain --format dot} prints as SVG, in Java: the DOT is
 * read back with JGraphT's importer and laid out and drawn by JGraphX, so no Graphviz binary is
 * needed. The DOT stays the single description of the picture; this class only renders it.
 */
final class DotSvg {

    private static final String NEWLINE = "\u2424";

    private DotSvg() {
    }

    /** A DOT element's attributes as strings, keyed by attribute name. */
    private record Element(Map<String, String> attributes) {
        String get(String key, String otherwise) {
            return attributes.getOrDefault(key, otherwise);
        }
    }

    static String render(String dot) {
        Graph<String, DefaultEdge> graph = new DirectedPseudograph<>(null, SupplierUtil.createDefaultEdgeSupplier(), false);
        Map<String, Element> vertices = new LinkedHashMap<>();
        Map<DefaultEdge, Element> edges = new HashMap<>();
        DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        // the importer also reports attributes without a value (the node id): those carry nothing to draw
        importer.addVertexAttributeConsumer((p, a) -> {
            if (a != null && a.getValue() != null) {
                vertices.computeIfAbsent(p.getFirst(), k -> new Element(new HashMap<>())).attributes().put(p.getSecond(), a.getValue());
            }
        });
        importer.addEdgeAttributeConsumer((p, a) -> {
            if (a != null && a.getValue() != null) {
                edges.computeIfAbsent(p.getFirst(), k -> new Element(new HashMap<>())).attributes().put(p.getSecond(), a.getValue());
            }
        });
        // JGraphT's DOT lexer rejects the \\n line-break escape in labels: carry it as a symbol instead
        importer.importGraph(graph, new StringReader(dot.replace("\\n", NEWLINE)));

        mxGraph g = new mxGraph();
        Object parent = g.getDefaultParent();
        Map<String, Object> cells = new HashMap<>();
        g.getModel().beginUpdate();
        try {
            for (String v : graph.vertexSet()) {
                Element e = vertices.getOrDefault(v, new Element(Map.of()));
                String label = e.get("label", v).replace(NEWLINE, "\n");
                int lines = label.split("\n", -1).length;
                int width = Math.max(90, label.lines().mapToInt(String::length).max().orElse(0) * 8 + 20);
                cells.put(v, g.insertVertex(parent, v, label, 0, 0, width, 18 * lines + 14, vertexStyle(e.get("shape", "box"))));
            }
            for (DefaultEdge edge : graph.edgeSet()) {
                Element e = edges.getOrDefault(edge, new Element(Map.of()));
                String style = "strokeColor=" + colour(e.get("color", "black")) + ";fontColor=" + colour(e.get("color", "black"))
                        + ("dashed".equals(e.get("style", "")) ? ";dashed=1" : "");
                g.insertEdge(parent, null, e.get("label", ""), cells.get(graph.getEdgeSource(edge)),
                        cells.get(graph.getEdgeTarget(edge)), style);
            }
        } finally {
            g.getModel().endUpdate();
        }
        new mxHierarchicalLayout(g).execute(parent);
        return mxXmlUtils.getXml(mxCellRenderer.createSvgDocument(g, null, 1, null, null).getDocumentElement());
    }

    private static String vertexStyle(String shape) {
        return switch (shape) {
            case "cloud" -> "shape=cloud;fillColor=#eef4ff;strokeColor=#6482b9;fontColor=#000000";
            case "ellipse" -> "shape=ellipse;fillColor=#ffffff;strokeColor=#555555;fontColor=#000000";
            default -> "rounded=1;fillColor=#f5f5f5;strokeColor=#555555;fontColor=#000000";
        };
    }

    /** The few Graphviz colour names natlint's DOT uses, as SVG colours. */
    private static String colour(String dotColour) {
        return switch (dotColour) {
            case "darkgreen" -> "#006400";
            case "gray", "grey" -> "#808080";
            case "red" -> "#cc0000";
            case "orange" -> "#e07000";
            default -> dotColour.startsWith("#") ? dotColour : "#000000";
        };
    }
}
