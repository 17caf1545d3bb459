using Akka.Actor;

namespace ActorIpc;

/// <summary>The subscribers of each topic on this node, as the node's messenger keeps them.</summary>
internal sealed class SubscriberTable
{
    private static readonly IReadOnlyList<IActorRef> None = [];

    // A list per topic: deliveries go in subscription order, and one subscriber is picked by index.
    private readonly Dictionary<string, List<IActorRef>> _byTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, HashSet<string>> _byActor = [];

    /// <summary>The subscribers of <paramref name="topic"/>.</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>Each subscriber once, in the order they subscribed.</returns>
    public IReadOnlyList<IActorRef> Of(string topic) => _byTopic.TryGetValue(topic, out var subscribers) ? subscribers : None;

    /// <summary>Subscribes <paramref name="subscriber"/> to <paramref name="topic"/>; a second time changes nothing.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="subscriber">The actor.</param>
    /// <returns>Whether the actor was subscribed to no topic before: the messenger starts watching it.</returns>
    public bool Add(string topic, IActorRef subscriber)
    {
        var isNew = !_byActor.TryGetValue(subscriber, out var topics);
        if (topics is null)
        {
            topics = new HashSet<string>(StringComparer.Ordinal);
            _byActor[subscriber] = topics;
        }

        if (topics.Add(topic))
        {
            if (!_byTopic.TryGetValue(topic, out var subscribers))
            {
                subscribers = [];
                _byTopic[topic] = subscribers;
            }

            subscribers.Add(subscriber);
        }

        return isNew;
    }

    /// <summary>Unsubscribes <paramref name="subscriber"/> from <paramref name="topic"/>, if it was subscribed.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="subscriber">The actor.</param>
    /// <returns>Whether the actor was subscribed and is now subscribed to no topic: the messenger stops watching it.</returns>
    public bool Remove(string topic, IActorRef subscriber)
    {
        if (!_byActor.TryGetValue(subscriber, out var topics) || !topics.Remove(topic))
        {
            return false;
        }

        RemoveFromTopic(topic, subscriber);
        if (topics.Count > 0)
        {
            return false;
        }

        _byActor.Remove(subscriber);
        return true;
    }

    /// <summary>Unsubscribes <paramref name="subscriber"/> from every topic (it stopped).</summary>
    /// <param name="subscriber">The actor.</param>
    public void RemoveAll(IActorRef subscriber)
    {
        if (!_byActor.Remove(subscriber, out var topics))
        {
            return;
        }

        foreach (var topic in topics)
        {
            RemoveFromTopic(topic, subscriber);
        }
    }

    private void RemoveFromTopic(string topic, IActorRef subscriber)
    {
        var subscribers = _byTopic[topic];
        subscribers.Remove(subscriber);
        if (subscribers.Count == 0)
        {
            _byTopic.Remove(topic);
        }
    }
}
