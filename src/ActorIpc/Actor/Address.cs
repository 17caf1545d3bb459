using System.Text;

namespace ActorIpc;

/// <summary>
/// Where an actor system lives: the protocol, the system's name and, for a system reachable
/// from other processes, the endpoint. A purely local system's address has no host.
/// </summary>
/// <param name="Protocol">The scheme: <c>actoripc</c> for local systems; transports add their own.</param>
/// <param name="System">The actor system's name.</param>
/// <param name="Host">The host or socket path for a reachable system; <see langword="null"/> when local only.</param>
/// <param name="Port">The TCP port, when the transport has one.</param>
public sealed record Address(string Protocol, string System, string? Host = null, int? Port = null)
{
    /// <summary>The scheme of a local-only actor system.</summary>
    public const string LocalProtocol = "actoripc";

    /// <summary>True for a local-only address (no host).</summary>
    public bool IsLocal => Host is null;

    /// <summary>The local-only address of the system named <paramref name="system"/>.</summary>
    public static Address Local(string system) => new(LocalProtocol, system);

    /// <summary>Renders <c>protocol://system</c>, with <c>@host</c> and <c>:port</c> where present.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Protocol.Length + System.Length + 24).Append(Protocol).Append("://").Append(System);
        if (Host is not null)
        {
            text.Append('@').Append(Host);
            if (Port is { } port)
            {
                text.Append(':').Append(port);
            }
        }

        return text.ToString();
    }
}
