using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using ActorIpc.Remote.References;
using ActorIpc.Remote.Serialization;
using ActorIpc.Remote.Transport;
using ActorIpc.Remote.Wire;
using ActorIpc.Spi;
using Microsoft.Extensions.Logging;

namespace ActorIpc.Remote.Endpoints;

/// <summary>
/// The remoting of one actor system: its transports and listeners, its identity (address and a
/// per-start incarnation id), one association per peer, and the translation of references to
/// paths and back.
/// </summary>
internal sealed partial class RemoteNode : IAsyncDisposable, TurnWatchdog.IWatched
{
    private static readonly FrozenSet<string> RuntimeAssemblies =
        FrozenSet.ToFrozenSet(["ActorIpc", "ActorIpc.Hocon", "ActorIpc.Remote", "ActorIpc.TestKit", "ActorIpc.TestKit.Xunit2"], StringComparer.Ordinal);

    private readonly ConcurrentDictionary<Address, Association> _associations = new();
    private readonly Lock _addingAssociation = new();
    private Association[] _associationList = []; // the same associations, for the watchdog to go through
    private readonly ConcurrentDictionary<string, ITransport> _transports = new(StringComparer.Ordinal);
    private readonly List<IConnectionListener> _listeners = [];
    private readonly List<Task> _acceptLoops = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly UnixTransportSettings _unixSettings;
    private readonly TcpTransportSettings _tcpSettings;

    public RemoteNode(ActorSystem system, RemoteSettings settings)
    {
        System = system;
        Settings = settings;
        Spi = ActorSystemSpi.For(system);
        Log = system.LoggerFactory.CreateLogger("ActorIpc.Remote");
        Serialization = new SerializationRegistry(system.Settings.Config);
        Codec = new RemoteRefCodec(this);
        Incarnation = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        _unixSettings = UnixTransportSettings.FromConfig(system.Settings.Config);
        _tcpSettings = TcpTransportSettings.FromConfig(system.Settings.Config);
        RuntimeDirectory = UnixRuntimeDirectory.Resolve(_unixSettings.Directory);
    }

    public ActorSystem System { get; }

    public RemoteSettings Settings { get; }

    public ActorSystemSpi Spi { get; }

    public ILogger Log { get; }

    public SerializationRegistry Serialization { get; }

    public RemoteRefCodec Codec { get; }

    /// <summary>This start of the node; a restarted process gets a new one, so peers know it is not the same.</summary>
    public ulong Incarnation { get; }

    /// <summary>Where Unix sockets of this user live.</summary>
    public string RuntimeDirectory { get; }

    /// <summary>The addresses this node listens on, the first being the one it gives out as its own.</summary>
    public IReadOnlyList<Address> Addresses { get; private set; } = [];

    // What paths of local actors start with when exported, and what Ask reply paths start with.
    private string _exportPrefix = string.Empty;
    private byte[][] _tempPrefixesUtf8 = [];
    private byte[] _tempExportPrefixUtf8 = "/temp/$"u8.ToArray();

    public Address Address => Addresses.Count > 0 ? Addresses[0] : throw new InvalidOperationException("remoting has not started");

    public HandshakeOptions HandshakeOptions { get; private set; } = null!;

    /// <summary>The longest connect timeout of the transports (bounds a whole dial attempt).</summary>
    public TimeSpan ConnectTimeout => _unixSettings.Connection.ConnectTimeout > _tcpSettings.Connection.ConnectTimeout
        ? _unixSettings.Connection.ConnectTimeout
        : _tcpSettings.Connection.ConnectTimeout;

    public CancellationToken Stopping => _stopping.Token;

    public bool IsStopping => _stopping.IsCancellationRequested;

    /// <summary>Binds every configured transport and starts accepting connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var addresses = new List<Address>();
        foreach (var name in Settings.Transports)
        {
            var transport = CreateTransport(name);
            _transports[transport.Scheme] = transport;
            var listener = await transport.ListenAsync(ListenEndpoint(name), cancellationToken).ConfigureAwait(false);
            _listeners.Add(listener);
            addresses.Add(listener.Endpoint.ToAddress(System.Name, RuntimeDirectory));
        }

        Addresses = addresses;
        _exportPrefix = Address.ToString();
        _tempPrefixesUtf8 = [.. addresses.Select(a => Encoding.UTF8.GetBytes(a + "/temp/"))];
        _tempExportPrefixUtf8 = [.. _tempPrefixesUtf8[0], (byte)'$'];
        HandshakeOptions = new HandshakeOptions(new NodeIdentity(System.Name, Address.ToString(), Incarnation), Settings.Secret.Span);
        Spi.SetExternalResolver(ResolveExternal);
        if (Serialization.SerializeMessages)
        {
            var context = new SerializationContext(Codec, Address);
            Spi.SetLocalMessageTransform(message => IsRuntimeMessage(message) ? message : Serialization.RoundTrip(message, context));
        }

        Watchdog.Add(this);
        foreach (var listener in _listeners)
        {
            _acceptLoops.Add(Task.Run(() => AcceptAsync(listener)));
        }

        Log.LogInformation("Remoting started for {System}, listening on {Addresses}", System.Name, string.Join(", ", Addresses));
    }

    /// <summary>The transport for a scheme; peers are dialled with their address's transport even if this node does not listen on it.</summary>
    public ITransport TransportFor(string scheme) =>
        _transports.GetOrAdd(scheme, s => CreateTransport(s switch
        {
            TransportEndpoint.UnixScheme => "unix",
            TransportEndpoint.TcpScheme => "tcp",
            TransportEndpoint.TlsScheme => "tls",
            _ => throw new TransportException($"no transport serves the scheme '{s}' (known: actoripc.unix, actoripc.tcp, actoripc.tls)"),
        }));

    public Association AssociationFor(Address address) =>
        _associations.TryGetValue(address, out var existing) ? existing : AddAssociation(address);

    /// <summary>Flushes the sends of actor runs (and read threads' turns) that last; see <see cref="Association.WakeWriterIfDeferredBefore"/>.</summary>
    public TurnWatchdog Watchdog { get; private set; } = TurnWatchdog.Shared;

    /// <summary>For tests: this node's held-back sends are watched by <paramref name="watchdog"/> from now on.</summary>
    internal void UseWatchdog(TurnWatchdog watchdog)
    {
        Watchdog.Remove(this);
        Watchdog = watchdog;
        watchdog.Add(this);
    }

    bool TurnWatchdog.IWatched.Urgent => false;

    bool TurnWatchdog.IWatched.InProgress => Volatile.Read(ref _associationList).Any(a => a.WakeDeferred);

    bool TurnWatchdog.IWatched.Check(long before)
    {
        var inProgress = false;
        foreach (var association in Volatile.Read(ref _associationList))
        {
            inProgress |= association.WakeWriterIfDeferredBefore(before);
        }

        return inProgress;
    }

    private Association AddAssociation(Address address)
    {
        lock (_addingAssociation)
        {
            if (!_associations.TryGetValue(address, out var association))
            {
                association = new Association(this, address);
                _associations[address] = association;
                Volatile.Write(ref _associationList, [.. _associationList, association]);
            }

            return association;
        }
    }

    /// <summary>True for this node's own addresses (and its local-only one).</summary>
    public bool IsLocal(Address address) => address.Equals(System.Address) || Addresses.Contains(address);

    /// <summary>The text that names <paramref name="actor"/> to another process (<see cref="ExportSender"/> as text).</summary>
    public string ExportPath(IActorRef actor) => ExportSender(actor).ToString();

    /// <summary>
    /// What names <paramref name="actor"/> to another process, in the form a frame writes: an
    /// Ask's promise (<c>/temp/$n</c>, once per remote Ask) is this node's prefix bytes and its
    /// number, with no string and no path made.
    /// </summary>
    public WirePath ExportSender(IActorRef actor) =>
        Spi.ExportTemporary(actor) is var id and not 0
            ? WirePath.Numbered(_tempExportPrefixUtf8, id)
            : ExportNamed(actor);

    private string ExportNamed(IActorRef actor)
    {
        var path = actor.Path;
        if (!path.Address.Equals(System.Address))
        {
            return path.ToStringWithUid();
        }

        var text = _exportPrefix + path.ToStringWithoutAddress();
        return path.Uid == 0 ? text : $"{text}#{path.Uid}";
    }

    /// <summary>
    /// The promise a reply's recipient names, read from the path's UTF-8 bytes without decoding
    /// them into a string; null when the bytes name no live promise of this system (the caller
    /// then resolves the decoded text, which reports what is wrong with it).
    /// </summary>
    public IActorRef? ResolveTemporary(ReadOnlySpan<byte> path)
    {
        foreach (var prefix in _tempPrefixesUtf8)
        {
            if (!path.StartsWith(prefix))
            {
                continue;
            }

            return Spi.ResolveTemporary(path[prefix.Length..]);
        }

        return null;
    }

    /// <summary>A working reference for a path read from a frame.</summary>
    public IActorRef ResolvePath(string text) => ResolveParsed(ParsePath(text));

    /// <summary>Parses a path read from a frame.</summary>
    /// <exception cref="ProtocolException">The text is not an actor path.</exception>
    public static ActorPath ParsePath(string text) =>
        ActorPath.TryParse(text, out var path) ? path : throw new ProtocolException($"'{text}' is not an actor path");

    /// <summary>A working reference for a parsed path.</summary>
    private IActorRef ResolveParsed(ActorPath path) =>
        IsLocal(path.Address)
            ? Spi.ResolveLocal(path) ?? new MissingActorRef(System, path)
            : new RemoteActorRef(System, path, AssociationFor(path.Address));

    /// <summary>
    /// A working reference for another process's promise, numbered <paramref name="number"/>
    /// under <paramref name="parent"/>: made of the two, without a path until someone asks.
    /// </summary>
    public IActorRef ResolvePromise(PromiseParent parent, long number)
    {
        if (parent.Association is { } association)
        {
            return new RemoteActorRef(System, association, parent, number);
        }

        // A promise of this very process, named by an address it does not resolve as its own
        // (or one that is gone): resolved whole, as any local path is.
        if (IsLocal(parent.Path.Address))
        {
            return ResolveParsed(parent.Path.Child(ActorSystemSpi.TemporaryName(number)));
        }

        parent.Association = AssociationFor(parent.Path.Address);
        return new RemoteActorRef(System, parent.Association, parent, number);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        Watchdog.Remove(this);
        foreach (var listener in _listeners)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_acceptLoops).ConfigureAwait(false);
        await Task.WhenAll(_inboundConnections.Keys.Select(i => i.Completion)).ConfigureAwait(false);
        foreach (var transport in _transports.Values)
        {
            await transport.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    // The runtime's own messages (timers, watches, internal commands of its actors) stay in the
    // process; serialize-messages is about the application's messages.
    private static bool IsRuntimeMessage(object message) =>
        RuntimeAssemblies.Contains(message.GetType().Assembly.GetName().Name ?? string.Empty);

    private IActorRef? ResolveExternal(ActorPath path) =>
        path.Address.Protocol.StartsWith("actoripc.", StringComparison.Ordinal) && !IsLocal(path.Address)
            ? new RemoteActorRef(System, path, AssociationFor(path.Address))
            : null;

    private ITransport CreateTransport(string name) => name switch
    {
        "unix" => new UnixSocketTransport(_unixSettings),
        "tcp" => new TcpTransport(_tcpSettings),
        "tls" => new TlsTransport(_tcpSettings, TlsTransportSettings.FromConfig(System.Settings.Config), Log),
        _ => throw new TransportException($"unknown transport '{name}'"),
    };

    private TransportEndpoint ListenEndpoint(string transport)
    {
        var config = Settings.Config;
        return transport switch
        {
            "unix" => TransportEndpoint.UnixNamed(RuntimeDirectory, config.GetString("unix.name") is { Length: > 0 } name ? name : $"{System.Name}-{Environment.ProcessId}"),
            "tcp" => TransportEndpoint.Tcp(config.GetString("tcp.hostname"), config.GetInt("tcp.port")),
            _ => TransportEndpoint.Tls(config.GetString("tls.hostname"), config.GetInt("tls.port")),
        };
    }
}
