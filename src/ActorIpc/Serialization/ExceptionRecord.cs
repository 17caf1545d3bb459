namespace ActorIpc.Serialization;

/// <summary>An exception as read from ActorIpc's exception format, before it is re-created.</summary>
internal sealed class ExceptionRecord
{
    /// <summary>The type's full name and assembly, <c>Ns.T, Asm</c>.</summary>
    public required string TypeName { get; init; }

    /// <summary>The message the exception was created with (<see cref="Exception.Message"/> may add to it).</summary>
    public string? Message { get; init; }

    /// <summary>What <see cref="Exception.Message"/> returned on the sending side.</summary>
    public required string DisplayMessage { get; init; }

    /// <summary>The stack trace on the sending side.</summary>
    public string? StackTrace { get; init; }

    /// <summary>The <see cref="Exception.Source"/>.</summary>
    public string? Source { get; init; }

    /// <summary>The <see cref="Exception.HResult"/>.</summary>
    public int HResult { get; init; }

    /// <summary>The <see cref="Exception.Data"/> entries that could be serialized.</summary>
    public IReadOnlyList<KeyValuePair<WireValue, WireValue>> Data { get; init; } = [];

    /// <summary>The public properties declared below <see cref="Exception"/>, by name.</summary>
    public IReadOnlyList<KeyValuePair<string, WireValue>> Properties { get; init; } = [];

    /// <summary>The inner exception, or an <see cref="AggregateException"/>'s inner exceptions.</summary>
    public IReadOnlyList<ExceptionRecord> InnerExceptions { get; init; } = [];

    /// <summary>The type's full name without assembly, as <see cref="RemoteException.RemoteType"/> shows it.</summary>
    public string DisplayTypeName =>
        Serialization.TypeName.TryParse(TypeName, out var name) ? name.ToString() : TypeName;
}
