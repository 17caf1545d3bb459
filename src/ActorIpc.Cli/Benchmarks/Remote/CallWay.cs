namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>One way of calling the node's echo that a <see cref="CallComparison"/> measures.</summary>
/// <param name="Label">How the figures name it: <c>Ask</c>, <c>invoke</c>, <c>proxy</c>.</param>
/// <param name="Unit">The unit of its rate: <c>asks/s</c>, <c>calls/s</c>.</param>
/// <param name="Call">Makes one call; completes with its reply.</param>
/// <param name="Baseline">The way it is read against, level by level (its rate and p50 over the baseline's, its bytes beyond the baseline's); null for none.</param>
internal sealed record CallWay(string Label, string Unit, Func<Task> Call, CallWay? Baseline = null);
