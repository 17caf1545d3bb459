using System.Collections.Concurrent;
using System.Reflection;
using ActorIpc.Configuration;
using ActorIpc.Serialization;
using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// Objects published under a name in one process and called through typed proxies from any
/// process of the cluster: an Akka extension, <c>PublishedObjects.Get(system)</c>. A published
/// object is a callee of the <see cref="Invoker"/> under the name, so a proxy's calls wait for a
/// publisher, time out, go round several publishers, fail at once when the publisher's process
/// goes away and are retried where the name is idempotent, as <c>actoripc.invoker</c> configures
/// the name. Arguments and results cross processes through the nodes' serializers and allow-lists.
/// </summary>
public sealed class PublishedObjects : IExtension
{
    private readonly ExtendedActorSystem _system;
    private readonly PublishedObjectsSettings _settings;
    private readonly PublishedObjectCodec _codec;
    private readonly ConcurrentDictionary<Type, ServiceInterface> _interfaces = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (Type Service, int Count)> _published = new(StringComparer.Ordinal);
    private long _hosts;

    internal PublishedObjects(ExtendedActorSystem system)
    {
        _system = system;
        _settings = PublishedObjectsSettings.Create(ActorIpcConfigSetup.Of(system));
        _codec = new PublishedObjectCodec(system);
    }

    /// <summary>The published objects of <paramref name="system"/>.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The extension, started on first use.</returns>
    public static PublishedObjects Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<PublishedObjects, PublishedObjectsProvider>();
    }

    /// <summary>
    /// Publishes <paramref name="implementation"/> as <typeparamref name="TService"/> under
    /// <paramref name="name"/>, for proxies in every process of the cluster, until the returned
    /// <see cref="Publication"/> is disposed. Its methods may run concurrently, as calls arrive;
    /// an implementation that needs one call at a time takes a lock of its own. Several
    /// publications of one name (in this process or others) share its calls.
    /// </summary>
    /// <typeparam name="TService">The interface to publish: its methods return <see cref="Task"/>, <see cref="Task{TResult}"/>, <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>.</typeparam>
    /// <param name="name">The name: not empty, at most 256 characters, no control characters.</param>
    /// <param name="implementation">The object whose methods the calls run.</param>
    /// <returns>The publication; dispose it to unpublish.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TService"/> is not an interface or has members a proxy cannot call (each is named), or <paramref name="name"/> is not a valid name.</exception>
    /// <exception cref="InvalidOperationException">This process publishes another interface under <paramref name="name"/>.</exception>
    public Publication Publish<TService>(string name, TService implementation)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(implementation);
        var key = new ServiceKey<PublishedObjectCall>(name);
        var service = Describe(typeof(TService));
        Claim(name, service.Type);
        try
        {
            var publication = new Publication(name, service.Type);
            var codec = _codec;
            var drain = _settings.DrainTimeout;
            publication.Host = _system.SystemActorOf(
                Props.Create(() => new PublishedObjectHost(service, implementation, key, codec, drain, () => Stopped(publication))),
                ActorName(name));
            var receptionist = Receptionist.Get(_system);
            receptionist.Register(key, publication.Host);

            // The JSON calls' key of the name (CallJsonAsync), served by the same host.
            receptionist.Register(new ServiceKey<PublishedObjectJsonCall>(name), publication.Host);
            return publication;
        }
        catch
        {
            Release(name);
            throw;
        }
    }

    /// <summary>
    /// A proxy of the object published as <typeparamref name="TService"/> under
    /// <paramref name="name"/>: each of its methods sends a call to a publisher of the name and
    /// completes with the result, or throws what the implementation threw (its own type, message
    /// and stack), or an <see cref="InvocationException"/> (no publisher in time, no answer in
    /// time, the publisher's process gone), a <see cref="PublishedObjectMismatchException"/>
    /// (the name is published as another interface), or a
    /// <see cref="Serialization.TypeNotAllowedException"/> (an argument or the result is of a type
    /// a process does not allow). A trailing <see cref="CancellationToken"/> parameter cancels the
    /// wait; it is not sent. Making the proxy sends nothing and needs no publisher yet.
    /// </summary>
    /// <typeparam name="TService">The interface: its methods return <see cref="Task"/>, <see cref="Task{TResult}"/>, <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>.</typeparam>
    /// <param name="name">The name the object is published under.</param>
    /// <param name="timeout">How long each call waits for a publisher and its answer; the name's <c>timeout</c> in <c>actoripc.invoker</c> when not given.</param>
    /// <returns>The proxy.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TService"/> is not an interface or has members a proxy cannot call (each is named), or <paramref name="name"/> is not a valid name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive and finite.</exception>
    public TService GetProxy<TService>(string name, TimeSpan? timeout = null)
        where TService : class
    {
        var key = new ServiceKey<PublishedObjectCall>(name);
        if (timeout is { } t && (t <= TimeSpan.Zero || t == Timeout.InfiniteTimeSpan))
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), t, "a call's timeout must be positive and finite: every call ends");
        }

        var service = Describe(typeof(TService));
        var proxy = DispatchProxy.Create<TService, PublishedObjectProxy>();
        ((PublishedObjectProxy)(object)proxy).Initialize(new ProxyCaller(service, key, Invoker.Get(_system), _codec, timeout));
        return proxy;
    }

    /// <summary>
    /// Calls a method of the object published under <paramref name="name"/> by the method's name,
    /// with the arguments as JSON: for callers that have none of the interface's types, such as a
    /// debugging tool (<c>actoripc invoke</c>). The publisher picks the method by its name (as
    /// declared, or without its <c>Async</c> suffix) and number of arguments, converts each element
    /// of <paramref name="arguments"/> to its parameter's type with System.Text.Json (web defaults:
    /// camelCase, read case-insensitively), runs the method as it runs a proxy's call, and answers
    /// with the result as JSON. Like a proxy's, the call is an invoker call of the name: it waits for
    /// a publisher, times out, and fails at once when the publisher's process goes away. A typed
    /// proxy (<see cref="GetProxy{TService}"/>) is the way for programs: this one is for people.
    /// </summary>
    /// <param name="name">The name the object is published under.</param>
    /// <param name="method">The method's name, e.g. <c>AddAsync</c> or <c>Add</c>.</param>
    /// <param name="arguments">The arguments as one JSON array, e.g. <c>[2, 3]</c>; <c>[]</c> for none. A trailing <see cref="CancellationToken"/> parameter takes no element.</param>
    /// <param name="service">The interface the caller expects, by full or simple name; <see langword="null"/>: whichever is published.</param>
    /// <param name="timeout">How long the call waits for a publisher and its answer; the name's <c>timeout</c> in <c>actoripc.invoker</c> when not given.</param>
    /// <param name="cancellationToken">Stops waiting; the method runs on.</param>
    /// <returns>The result as JSON: <c>null</c> for a method without one.</returns>
    /// <exception cref="ArgumentException"><paramref name="arguments"/> is not a JSON array, <paramref name="method"/> is empty, or <paramref name="name"/> is not a valid name.</exception>
    /// <exception cref="JsonCallRefusedException">The publisher did not run the method: the name is published as another interface, no method or several overloads have that name and number of arguments, an argument does not convert, or the result could not be written as JSON.</exception>
    /// <exception cref="RemoteException">The method threw: <see cref="RemoteException.RemoteType"/> and <see cref="RemoteException.RemoteMessage"/> are its exception's type and message.</exception>
    /// <exception cref="InvocationException">No publisher in time, no answer in time, or the publisher's process went away.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<string> CallJsonAsync(
        string name, string method, string arguments, string? service = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var key = new ServiceKey<PublishedObjectJsonCall>(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(arguments);

        // Checked here too, so that a typo on a command line fails before anything is sent.
        using (JsonCallBinding.ParseArguments(arguments, out var problem))
        {
            if (problem is not null)
            {
                throw new ArgumentException(problem, nameof(arguments));
            }
        }

        var answer = await Invoker.Get(_system)
            .Ask<PublishedObjectJsonAnswer>(key, new PublishedObjectJsonCall(service, method, arguments), timeout, cancellationToken)
            .ConfigureAwait(false);
        return answer.Outcome switch
        {
            JsonCallOutcome.Returned => answer.Text,
            JsonCallOutcome.Threw => throw new RemoteException(answer.ExceptionType ?? "System.Exception", answer.Text, remoteStackTrace: null),
            _ => throw new JsonCallRefusedException(name, method, answer.Text, answer.Publisher, answer.ProcessId),
        };
    }

    /// <summary>The description of <paramref name="type"/>, checked and built once per interface.</summary>
    internal ServiceInterface Describe(Type type) => _interfaces.GetOrAdd(type, ServiceInterface.Inspect);

    private void Claim(string name, Type service)
    {
        lock (_gate)
        {
            if (_published.TryGetValue(name, out var entry) && entry.Service != service)
            {
                throw new InvalidOperationException(
                    $"'{name}' is published in this process as {entry.Service.FullName}: a {service.FullName} cannot be published under the same name, "
                    + "as a proxy calls every publisher of a name alike; unpublish the other first, or choose another name");
            }

            _published[name] = (service, entry.Count + 1);
        }
    }

    private void Release(string name)
    {
        lock (_gate)
        {
            if (_published.TryGetValue(name, out var entry))
            {
                if (entry.Count <= 1)
                {
                    _published.Remove(name);
                }
                else
                {
                    _published[name] = (entry.Service, entry.Count - 1);
                }
            }
        }
    }

    private void Stopped(Publication publication)
    {
        Release(publication.Name);
        publication.HostStopped();
    }

    // Actor names allow few characters: the name is kept readable in the host's path (which
    // errors show), a counter keeps it unique.
    private string ActorName(string name)
    {
        var readable = new string([.. name.Take(64).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        return $"actoripc-published-{readable}-{Interlocked.Increment(ref _hosts)}";
    }
}
