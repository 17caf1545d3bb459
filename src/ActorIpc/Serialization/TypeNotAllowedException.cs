namespace ActorIpc.Serialization;

/// <summary>
/// A message carried a type that the configuration does not allow to be created from the wire
/// (<c>actoripc.serialization.allowed-types</c>). On the receiving side the message is dropped
/// and this exception is logged as a warning by Akka.Remote, whose connection stays up; on the
/// sending side the message is not sent.
/// </summary>
public sealed class TypeNotAllowedException : ActorIpcException
{
    private const string UnknownSender = "an unknown sender";

    /// <summary>Creates the exception.</summary>
    /// <param name="typeName">The full name of the type that is not allowed.</param>
    /// <param name="sender">The address of the process that sent it; <see langword="null"/> when unknown or when this process refused to send it.</param>
    /// <param name="message">The message, naming the type, the sender and the setting to change.</param>
    public TypeNotAllowedException(string typeName, string? sender, string message)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        TypeName = typeName;
        Sender = sender;
    }

    /// <summary>The full name (without assembly) of the type that is not allowed: the message's own type, or a type inside it.</summary>
    public string TypeName { get; }

    /// <summary>
    /// The address of the process the message came from (<c>akka.tcp://system@host:port</c>);
    /// <see langword="null"/> when it is not known, or when this process refused to send the message.
    /// </summary>
    public string? Sender { get; }

    // The messages end without a period: Akka.Remote's log line appends one after them.

    /// <summary>The refusal of an arriving message.</summary>
    /// <param name="refused">The refused type's name.</param>
    /// <param name="carriedBy">The name of the type that contained it (the same when it is the refused type itself).</param>
    /// <param name="sender">The sender's address, if known.</param>
    internal static TypeNotAllowedException Received(string refused, string carriedBy, string? sender) =>
        new(refused, sender,
            $"{Describe(refused, carriedBy)} sent by {sender ?? UnknownSender} is not allowed here, so the message was dropped; "
            + $"to accept it, add the type or its namespace to actoripc.serialization.allowed-types in this process "
            + $"(allowed-types += \"{refused}\" or \"{Namespace(refused)}.*\")");

    /// <summary>The refusal of a message this process was about to send.</summary>
    /// <param name="refused">The refused type's name.</param>
    /// <param name="messageType">The name of the message's type.</param>
    internal static TypeNotAllowedException NotSent(string refused, string messageType) =>
        new(refused, null,
            $"{Describe(refused, messageType)} is not allowed by actoripc.serialization.allowed-types, so the message was not sent; "
            + $"add the type or its namespace to allowed-types (allowed-types += \"{refused}\" or \"{Namespace(refused)}.*\") "
            + "in this process and in the process that receives it");

    private static string Describe(string refused, string carriedBy) =>
        refused == carriedBy ? $"type '{refused}'" : $"type '{refused}' (in '{carriedBy}')";

    private static string Namespace(string typeName)
    {
        var outer = typeName.Split('+')[0];
        var dot = outer.LastIndexOf('.');
        return dot > 0 ? outer[..dot] : outer;
    }
}
