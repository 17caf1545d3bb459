namespace ActorIpc;

/// <summary>
/// The name callees register under and invokers call by, with the type of message its callees
/// accept. Two keys are the same key when their names and protocol types are the same, in every
/// process of the cluster. Use <see cref="ServiceKey{TProtocol}"/>.
/// </summary>
public abstract class ServiceKey : IEquatable<ServiceKey>
{
    private protected ServiceKey(string name, Type protocol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 256 || name.Any(char.IsControl))
        {
            throw new ArgumentException($"a service key's name is at most 256 characters without control characters: '{name}'", nameof(name));
        }

        Name = name;
        ProtocolType = protocol;
        Id = ServiceKeyId.Create(name, protocol);
    }

    /// <summary>The key's name, e.g. <c>"image-resizer"</c>.</summary>
    public string Name { get; }

    /// <summary>The type of message the key's callees accept (often an interface or a base record).</summary>
    public Type ProtocolType { get; }

    /// <summary>The key as processes tell it apart: the name and the protocol type's full name.</summary>
    internal string Id { get; }

    /// <inheritdoc />
    public bool Equals(ServiceKey? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ServiceKey);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <summary>The name and the protocol, e.g. <c>image-resizer (MyApp.IResizeRequest)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name} ({ProtocolType.FullName})";
}
