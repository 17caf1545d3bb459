namespace InvokerCallee;

/// <summary>What the worker's callee accepts: the protocol of <see cref="Keys.Callee"/>.</summary>
public interface ICalleeCall;

/// <summary>Sleep for a while, then answer with how long it took.</summary>
public sealed record Sleep(int Milliseconds) : ICalleeCall;

/// <summary>Answer with the largest of the numbers.</summary>
public sealed record Max(int[] Numbers) : ICalleeCall;

/// <summary>Fail with the reason: the caller gets the worker's exception.</summary>
public sealed record Fail(string Reason) : ICalleeCall;
