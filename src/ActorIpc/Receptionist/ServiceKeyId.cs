namespace ActorIpc;

/// <summary>How a key is told apart on the wire: its name, a separator, its protocol type's full name.</summary>
internal static class ServiceKeyId
{
    // A control character cannot appear in a key's name (ServiceKey refuses it).
    private const char Separator = '\u001f';

    public static string Create(string name, Type protocol) => name + Separator + (protocol.FullName ?? protocol.Name);

    /// <summary>The name part of an id.</summary>
    public static string NameOf(string id) => id[..id.IndexOf(Separator, StringComparison.Ordinal)];

    /// <summary>The protocol part of an id.</summary>
    public static string ProtocolOf(string id) => id[(id.IndexOf(Separator, StringComparison.Ordinal) + 1)..];
}
