using System.Collections.ObjectModel;
using System.Runtime.ExceptionServices;

namespace ActorIpc.Serialization;

/// <summary>
/// An exception thrown in another process whose type this process does not re-create: its type
/// is not allowed here (<c>actoripc.serialization.exception-types</c>), cannot be loaded, is not
/// an exception, or could not be constructed. It carries what the original carried, as text: the
/// type's name, the message, the stack trace (shown as this exception's remote stack) and the
/// public properties; its inner exception arrives re-created or as another
/// <see cref="RemoteException"/>.
/// </summary>
public sealed class RemoteException : ActorIpcException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="remoteType">The original exception's full type name, e.g. <c>MyApp.QuotaExceededException</c>.</param>
    /// <param name="remoteMessage">The original exception's message.</param>
    /// <param name="remoteStackTrace">The original exception's stack trace; it becomes this exception's remote stack.</param>
    /// <param name="properties">The original exception's public properties as text, by name.</param>
    /// <param name="innerException">The original exception's inner exception, as it arrived.</param>
    public RemoteException(
        string remoteType,
        string remoteMessage,
        string? remoteStackTrace,
        IReadOnlyDictionary<string, string?>? properties = null,
        Exception? innerException = null)
        : base($"{remoteType}: {remoteMessage}", innerException)
    {
        ArgumentNullException.ThrowIfNull(remoteType);
        ArgumentNullException.ThrowIfNull(remoteMessage);
        RemoteType = remoteType;
        RemoteMessage = remoteMessage;
        RemoteStackTrace = remoteStackTrace;
        Properties = new ReadOnlyDictionary<string, string?>(
            new Dictionary<string, string?>(properties ?? new Dictionary<string, string?>(), StringComparer.Ordinal));
        QualifiedRemoteType = remoteType;
        RawRemoteMessage = remoteMessage;
        if (!string.IsNullOrEmpty(remoteStackTrace))
        {
            // The remote frames show first in StackTrace, followed by where this one is rethrown.
            ExceptionDispatchInfo.SetRemoteStackTrace(this, remoteStackTrace);
        }
    }

    /// <summary>The original exception's full type name (without assembly).</summary>
    public string RemoteType { get; }

    /// <summary>The original exception's message; <see cref="Exception.Message"/> is <c>RemoteType: RemoteMessage</c>.</summary>
    public string RemoteMessage { get; }

    /// <summary>The original exception's stack trace in its process; <see langword="null"/> when it was never thrown.</summary>
    public string? RemoteStackTrace { get; }

    /// <summary>The original exception's public properties (those declared below <see cref="Exception"/>) as text, by name; <see langword="null"/> for a null value.</summary>
    public IReadOnlyDictionary<string, string?> Properties { get; }

    /// <summary>The original type with its assembly (<c>Ns.T, Asm</c>), so that passing this exception on carries the original type.</summary>
    internal string QualifiedRemoteType { get; init; }

    /// <summary>The original message as created, before its type added to it.</summary>
    internal string? RawRemoteMessage { get; init; }
}
