namespace InvokerCallee;

/// <summary>Sleep for a while, then answer with how long it took.</summary>
public sealed record Sleep(int Milliseconds);

/// <summary>Answer with the largest of the numbers.</summary>
public sealed record Max(int[] Numbers);

/// <summary>Fail with the reason: the caller gets the worker's exception.</summary>
public sealed record Fail(string Reason);
