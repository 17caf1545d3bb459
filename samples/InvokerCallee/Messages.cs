namespace InvokerCallee;

/// <summary>Every message of the sample: bound to the JSON serializer in invoker-callee.conf.</summary>
public interface ICalleeMessage
{
}

/// <summary>Sleep for a while, then answer with how long it took.</summary>
public sealed record Sleep(int Milliseconds) : ICalleeMessage;

/// <summary>Answer with the largest of the numbers.</summary>
public sealed record Max(int[] Numbers) : ICalleeMessage;

/// <summary>Fail with the reason: the caller gets the worker's exception.</summary>
public sealed record Fail(string Reason) : ICalleeMessage;
