using ActorIpc.Dispatch;

namespace ActorIpc;

/// <summary>
/// Actors chosen by a path that may hold wildcards (<c>*</c> any run of characters, <c>?</c>
/// one), absolute (<c>/user/workers/*</c>, <c>actoripc://shop/user/a</c>) or relative to an
/// actor (<c>../sibling</c>, <c>child/*</c>). The path is matched at each send, so actors that
/// start later are included. Every matched actor answers <see cref="Identify"/>; when nothing
/// matches, an <see cref="Identify"/> is answered with an empty <see cref="ActorIdentity"/> and
/// any other message goes to dead letters.
/// </summary>
public sealed class ActorSelection
{
    private readonly ActorSystemImpl _system;
    private readonly LocalActorRef? _anchor;
    private readonly string[] _elements;

    // A selection of one actor of another system (through the installed transport).
    private readonly IActorRef? _external;

    private ActorSelection(ActorSystemImpl system, LocalActorRef? anchor, string path, string[] elements, IActorRef? external = null)
    {
        _system = system;
        _anchor = anchor;
        _elements = elements;
        _external = external;
        PathString = path;
    }

    /// <summary>The path as given.</summary>
    public string PathString { get; }

    /// <summary>Sends <paramref name="message"/> to every matched actor.</summary>
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var targets = ResolveTargets();
        if (targets.Count == 0)
        {
            if (message is Identify identify)
            {
                sender?.Tell(new ActorIdentity(identify.MessageId, null), null);
            }
            else
            {
                _system.DeadLetters.Deliver(new Envelope(message, sender), _system.DeadLetters, $"no actor matches the selection '{PathString}'");
            }

            return;
        }

        foreach (var target in targets)
        {
            target.Tell(message, sender);
        }
    }

    /// <summary>
    /// The one actor the selection matches now (the first, when several do). An actor of another
    /// process is asked with <see cref="Identify"/>, so the reference returned names its
    /// incarnation and is known to exist.
    /// </summary>
    /// <param name="timeout">How long to wait for another process's answer; the configured Ask timeout when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="ActorNotFoundException">No live actor matches.</exception>
    public Task<IActorRef> ResolveOne(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IActorRef>(cancellationToken);
        }

        if (_external is not null)
        {
            return IdentifyAsync(_external, timeout, cancellationToken);
        }

        var targets = Resolve();
        return targets.Count > 0
            ? Task.FromResult<IActorRef>(targets[0])
            : Task.FromException<IActorRef>(new ActorNotFoundException(PathString));
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSelection[{PathString}]";

    internal static ActorSelection Create(ActorSystemImpl system, LocalActorRef? anchor, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var relative = path;
        if (path.Contains("://", StringComparison.Ordinal))
        {
            if (!ActorPathParser.TryParseAddress(path, out var address, out var rest, out var error))
            {
                throw new FormatException(error);
            }

            if (!address.Equals(system.Address))
            {
                return External(system, path);
            }

            anchor = null;
            relative = rest.Length == 0 ? "/" : rest;
        }
        else if (path[0] == '/')
        {
            anchor = null;
        }

        var elements = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return new ActorSelection(system, anchor ?? system.RootGuardian, path, elements);
    }

    private async Task<IActorRef> IdentifyAsync(IActorRef external, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var identity = await external.Ask<ActorIdentity>(new Identify(PathString), timeout, cancellationToken).ConfigureAwait(false);
        return identity.Subject ?? throw new ActorNotFoundException(PathString);
    }

    private static ActorSelection External(ActorSystemImpl system, string path)
    {
        if (system.ExternalResolver is not { } resolver)
        {
            throw new ArgumentException($"the selection '{path}' is for another actor system than this one ({system.Address}), and no transport is installed to reach it", nameof(path));
        }

        if (path.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            throw new ArgumentException($"the selection '{path}' has wildcards; selections of another process name one actor", nameof(path));
        }

        var target = resolver(ActorPath.Parse(path))
            ?? throw new ArgumentException($"the selection '{path}' is for an address the transport cannot reach", nameof(path));
        return new ActorSelection(system, null, path, [], target);
    }

    internal List<IActorRef> ResolveTargets() =>
        _external is not null ? [_external] : [.. Resolve()];

    internal List<LocalActorRef> Resolve()
    {
        var current = new List<LocalActorRef> { _anchor ?? _system.RootGuardian };
        foreach (var element in _elements)
        {
            var next = new List<LocalActorRef>();
            foreach (var actor in current)
            {
                switch (element)
                {
                    case ".":
                        next.Add(actor);
                        break;
                    case "..":
                        if (actor.Parent is LocalActorRef parent)
                        {
                            next.Add(parent);
                        }

                        break;
                    default:
                        Match(actor.Cell, element, next);
                        break;
                }
            }

            current = next;
            if (current.Count == 0)
            {
                break;
            }
        }

        current.RemoveAll(a => a.IsTerminated);
        return current;
    }

    private static void Match(ActorCell cell, string pattern, List<LocalActorRef> into)
    {
        if (pattern.AsSpan().IndexOfAny('*', '?') < 0)
        {
            if (cell.GetChild(pattern) is { Cell.StoppingByParent: false } child)
            {
                into.Add(child);
            }

            return;
        }

        foreach (var child in cell.LiveChildren())
        {
            if (Wildcard.IsMatch(child.Path.Name, pattern))
            {
                into.Add(child);
            }
        }
    }
}
