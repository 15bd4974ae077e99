package dev.natlint.flow;

import java.util.List;

/** A forward with its flows. */
public record ForwardFlows(Forward forward, List<Flow> flows) {
}
