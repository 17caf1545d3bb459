namespace ActorIpc;

/// <summary>
/// A service key whose callees accept <typeparamref name="TProtocol"/> messages:
/// <c>static readonly ServiceKey&lt;IResize&gt; Resizer = new("image-resizer");</c>, shared by the
/// processes that register callees under it and those that call them.
/// </summary>
/// <typeparam name="TProtocol">The type of message the callees accept.</typeparam>
public sealed class ServiceKey<TProtocol> : ServiceKey
{
    /// <summary>Creates the key.</summary>
    /// <param name="name">The key's name: not empty, at most 256 characters, no control characters.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, too long or has control characters.</exception>
    public ServiceKey(string name)
        : base(name, typeof(TProtocol))
    {
    }
}
