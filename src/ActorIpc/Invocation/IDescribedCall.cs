namespace ActorIpc;

/// <summary>
/// A message that names itself in the invoker's errors: a call through a published object's proxy
/// is reported as a call of the interface's method (<c>a call of ICalculator.Add(int, int)</c>),
/// not as the internal message that carries it.
/// </summary>
internal interface IDescribedCall
{
    /// <summary>What the errors report as the <see cref="InvocationException.MessageType"/>.</summary>
    Type CallType { get; }

    /// <summary>The call as an error names it after "a": <c>call of ICalculator.Add(int, int)</c>.</summary>
    string CallText { get; }
}
