using System.Runtime.ExceptionServices;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// An exception thrown in another process whose type may not be rebuilt here (it is not a standard
/// exception, an ActorIpc exception or a type allowed by configuration, or it lacks a
/// <c>(string)</c> / <c>(string, Exception)</c> constructor). It carries the original type name,
/// message and stack trace; its message reads
/// <c>System.IO.InvalidDataException from actoripc.tcp://worker@host:4000: the file is corrupt</c>,
/// and <see cref="Exception.StackTrace"/> and <see cref="Exception.ToString"/> show the remote stack.
/// </summary>
public sealed class RemoteException : ActorIpcException
{
    /// <summary>The <see cref="Exception.Data"/> key under which a rebuilt remote exception keeps the remote stack trace.</summary>
    public const string RemoteStackTraceKey = "RemoteStackTrace";

    /// <summary>The <see cref="Exception.Data"/> key under which a rebuilt remote exception keeps the sender's address.</summary>
    public const string RemoteAddressKey = "RemoteAddress";

    /// <summary>Creates the exception.</summary>
    /// <param name="originalTypeName">The remote exception's type, e.g. <c>System.IO.InvalidDataException, System.Private.CoreLib</c>.</param>
    /// <param name="originalMessage">The remote exception's message.</param>
    /// <param name="remoteStackTrace">The remote stack trace, if any.</param>
    /// <param name="remoteAddress">The address of the actor system that threw it, if known.</param>
    /// <param name="innerException">The remote inner exception, rebuilt, or <see langword="null"/>.</param>
    public RemoteException(string originalTypeName, string originalMessage, string? remoteStackTrace, Address? remoteAddress, Exception? innerException = null)
        : base(Format(originalTypeName, originalMessage, remoteAddress), innerException)
    {
        OriginalTypeName = originalTypeName;
        OriginalMessage = originalMessage;
        RemoteStackTrace = remoteStackTrace;
        RemoteAddress = remoteAddress;
        if (!string.IsNullOrEmpty(remoteStackTrace))
        {
            Data[RemoteStackTraceKey] = remoteStackTrace;

            // The runtime prepends a remote stack to StackTrace (and so to ToString) when it is set before
            // the exception is first thrown, which a constructor guarantees.
            ExceptionDispatchInfo.SetRemoteStackTrace(this, remoteStackTrace);
        }

        if (remoteAddress is not null)
        {
            Data[RemoteAddressKey] = remoteAddress.ToString();
        }
    }

    /// <summary>The remote exception's type name (assembly-qualified, without version).</summary>
    public string OriginalTypeName { get; }

    /// <summary>The remote exception's own message, without the type and address this exception adds.</summary>
    public string OriginalMessage { get; }

    /// <summary>The stack trace of the remote exception, or <see langword="null"/> if it was never thrown.</summary>
    public string? RemoteStackTrace { get; }

    /// <summary>The address of the actor system that threw the exception, if known.</summary>
    public Address? RemoteAddress { get; }

    private static string Format(string typeName, string message, Address? address)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(message);
        var comma = typeName.IndexOf(", ", StringComparison.Ordinal);
        var shortName = comma > 0 && typeName.IndexOf('[', StringComparison.Ordinal) < 0 ? typeName[..comma] : typeName;
        return $"{shortName} from {address?.ToString() ?? "an unknown sender"}: {message}";
    }
}
