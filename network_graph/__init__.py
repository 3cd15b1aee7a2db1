"""What NetworkX tells a family about their network: pure functions over board elements.

Everything here works on a list of `board.elements.Element` that is already filtered for the viewer,
so a metric can never reveal a person the viewer may not see. No UI imports; only board types.
Entry point: `network_graph.summary.all_metrics` (keys documented in docs/metrics.md).
"""
