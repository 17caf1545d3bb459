using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ActorIpc;

/// <summary>
/// Hands each item published to every follower, each through a channel of its own: a follower
/// that reads slowly loses its oldest unread items (up to <c>capacity</c> are kept for it), and
/// never slows down the publisher or the other followers.
/// </summary>
/// <typeparam name="T">The items.</typeparam>
internal sealed class Followers<T>(int capacity)
{
    private readonly Lock _gate = new();
    private readonly List<ChannelWriter<T>> _writers = [];

    public void Publish(T item)
    {
        lock (_gate)
        {
            foreach (var writer in _writers)
            {
                writer.TryWrite(item);
            }
        }
    }

    /// <summary>Every item published from now on that <paramref name="filter"/> accepts, after <paramref name="first"/>, until the token is cancelled.</summary>
    public async IAsyncEnumerable<T> FollowAsync(Func<T, bool>? filter, Func<IEnumerable<T>>? first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            // Under the lock, so that nothing published between the first items and the subscription is lost.
            foreach (var item in first?.Invoke() ?? [])
            {
                channel.Writer.TryWrite(item);
            }

            _writers.Add(channel.Writer);
        }

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (filter is null || filter(item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _writers.Remove(channel.Writer);
            }
        }
    }
}
