using Akka;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;

namespace ActorIpc;

/// <summary>
/// A node's messenger (<c>/system/actoripc-messenger</c>): it keeps the node's subscribers, watches
/// them so that a stopped one drops out, delivers what arrives at its entry points, answers
/// censuses, and runs the censuses of <see cref="Messenger.CountSubscribersAsync"/> and
/// <see cref="Messenger.SendToOne"/>. Subscriptions never reach the mediator one by one: the node is
/// registered once, with an entry point per role, and the table of subscribers stays here.
/// </summary>
internal sealed class MessengerActor : UntypedActor, IWithUnboundedStash
{
    private readonly IActorRef _mediator;
    private readonly MessengerSettings _settings;
    private readonly Cluster _cluster = Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly SubscriberTable _subscribers = new();
    private bool _registered;

    /// <summary>Creates the actor; see <see cref="Props"/>.</summary>
    public MessengerActor(IActorRef mediator, MessengerSettings settings)
    {
        _mediator = mediator;
        _settings = settings;
    }

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <summary>The props of a node's messenger.</summary>
    /// <param name="mediator">The node's DistributedPubSub mediator.</param>
    /// <param name="settings">The messenger's settings.</param>
    /// <returns>The props.</returns>
    public static Props Props(IActorRef mediator, MessengerSettings settings) =>
        Akka.Actor.Props.Create(typeof(MessengerActor), mediator, settings);

    /// <inheritdoc />
    protected override void PreStart()
    {
        // The entry points first, the presence topic last. The mediator versions each registration,
        // and another node's mediator takes them in over gossip in version order, so a node that
        // sees this node's presence topic also knows all its entry points (CensusActor relies on it).
        foreach (var role in new string?[] { null }.Concat(_cluster.SelfRoles))
        {
            _mediator.Tell(new Put(Context.ActorOf(MessengerEntryPoint.Props, MessengerNames.EntryName(role))));
        }

        _mediator.Tell(new Subscribe(MessengerNames.PresenceTopicName(_cluster.SelfUniqueAddress), Self));
    }

    /// <inheritdoc />
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Delivery delivery:
                Deliver(delivery);
                break;
            case Census census:
                Sender.Tell(new CensusReply(_subscribers.Of(census.Topic).Count));
                break;
            case Terminated terminated:
                _subscribers.RemoveAll(terminated.ActorRef);
                break;
            case SubscribeAck:
                // The mediator has this node's registrations: subscribing and counting can begin.
                _registered = true;
                Stash.UnstashAll();
                break;
            case SubscriptionChange or CountRequest or SendOneRequest when !_registered:
                Stash.Stash();
                break;
            case SubscriptionChange change:
                Change(change);
                Sender.Tell(Done.Instance);
                break;
            case CountRequest count:
                Context.ActorOf(CensusActor.Props(_mediator, count.Topic, count.Role, _settings.AskTimeout, Sender, count));
                break;
            case SendOneRequest send:
                Context.ActorOf(CensusActor.Props(_mediator, send.Topic, send.Role, _settings.AskTimeout, Self, send));
                break;
            case CensusResult { Request: SendOneRequest send } result:
                SendToOne(send, result);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Change(SubscriptionChange change)
    {
        if (change.Subscribe)
        {
            if (_subscribers.Add(change.Topic, change.Subscriber))
            {
                Context.Watch(change.Subscriber);
            }
        }
        else if (_subscribers.Remove(change.Topic, change.Subscriber))
        {
            Context.Unwatch(change.Subscriber);
        }
    }

    private void Deliver(Delivery delivery)
    {
        var subscribers = _subscribers.Of(delivery.Topic);
        if (subscribers.Count == 0)
        {
            // A broadcast reaches every node of its role, subscribers or not; a message meant for
            // one subscriber here found none because the last one left after the census.
            if (delivery.Mode == DeliveryMode.One)
            {
                Undeliverable(delivery.Topic, delivery.Message, Sender, "its subscriber on this node is gone");
            }

            return;
        }

        if (!TryRead(delivery, out var message))
        {
            return;
        }

        if (delivery.Mode == DeliveryMode.All)
        {
            foreach (var subscriber in subscribers)
            {
                subscriber.Tell(message, Sender);
            }
        }
        else
        {
            subscribers[Random.Shared.Next(subscribers.Count)].Tell(message, Sender);
        }
    }

    // A message from another node is read only here, where it has subscribers: a node without
    // them never creates the message's type, and need not allow it.
    private bool TryRead(Delivery delivery, out object message)
    {
        if (delivery.Message is not SerializedMessage serialized)
        {
            message = delivery.Message;
            return true;
        }

        try
        {
            message = Context.System.Serialization.Deserialize(serialized.Bytes, serialized.SerializerId, serialized.Manifest);
            return true;
        }
        catch (Exception e)
        {
            _log.Warning(e, "a message for topic '{0}' from {1} could not be read on this node, so it was dropped: {2}",
                delivery.Topic, Sender.Path.Address, e.Message);
            message = delivery;
            return false;
        }
    }

    private void SendToOne(SendOneRequest send, CensusResult census)
    {
        if (census.Silent.Count > 0)
        {
            _log.Warning("SendToOne to topic '{0}'{1}: no answer within {2} from {3}; the subscriber is chosen among the nodes that answered",
                send.Topic, MessengerNames.Describe(send.Role), _settings.AskTimeout, string.Join(", ", census.Silent));
        }

        if (census.Count == 0)
        {
            Undeliverable(send.Topic, send.Message, send.Sender, "the topic has no subscriber" + MessengerNames.Describe(send.Role));
            return;
        }

        // Uniform over the subscribers, not the nodes: a node with three subscribers is three
        // times as likely to be chosen as a node with one.
        var pick = Random.Shared.Next(census.Count);
        var chosen = census.Answers.First(answer => (pick -= answer.Count) < 0);
        chosen.Messenger.Tell(new Delivery(send.Topic, DeliveryMode.One, send.Message), send.Sender);
    }

    private void Undeliverable(string topic, object message, IActorRef? sender, string reason)
    {
        _log.Warning("a message for one subscriber of topic '{0}' went to dead letters: {1}", topic, reason);
        Context.System.EventStream.Publish(new DeadLetter(message, sender ?? Context.System.DeadLetters, Self));
    }
}
