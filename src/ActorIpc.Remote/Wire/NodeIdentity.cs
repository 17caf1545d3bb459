namespace ActorIpc.Remote.Wire;

/// <summary>Who one end of a connection is, as the handshake states and proves it.</summary>
internal sealed record NodeIdentity
{
    /// <summary>Creates an identity, checking the fields against the wire limits.</summary>
    /// <param name="systemName">The actor system's name: 1 to 64 UTF-8 bytes.</param>
    /// <param name="address">The node's own address as text: 1 to 1024 UTF-8 bytes.</param>
    /// <param name="incarnation">A random id chosen at each start, so a restarted process is told apart from its predecessor.</param>
    /// <exception cref="ArgumentException">A text field is empty or over its limit.</exception>
    public NodeIdentity(string systemName, string address, ulong incarnation)
    {
        SystemName = CheckText(systemName, WireProtocol.MaxSystemNameBytes, nameof(systemName));
        Address = CheckText(address, WireProtocol.MaxAddressBytes, nameof(address));
        Incarnation = incarnation;
    }

    /// <summary>The actor system's name.</summary>
    public string SystemName { get; }

    /// <summary>The node's own address, as text.</summary>
    public string Address { get; }

    /// <summary>The per-start incarnation id.</summary>
    public ulong Incarnation { get; }

    private static string CheckText(string value, int maxBytes, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        var bytes = WireText.GetByteCount(value);
        return bytes <= maxBytes
            ? value
            : throw new ArgumentException($"{name} takes {bytes} UTF-8 bytes; the wire limit is {maxBytes}", name);
    }
}
