using ActorIpc.Remote.Serialization;
using ActorIpc.Remote.Wire;
using ActorIpc.Spi;
using Microsoft.Extensions.Logging;

namespace ActorIpc.Remote.Endpoints;

/// <summary>Turns queued items into frames in one batch buffer; a message that cannot be sent goes to dead letters, the batch goes on.</summary>
internal sealed class OutboundFrameWriter(RemoteNode node, Association association, FrameBuffer batch)
{
    private readonly SerializationContext _context = new(node.Codec, association.RemoteAddress);
    private ulong _heartbeats;

    // Most frames in a batch come from the same few senders: their exported path is kept.
    private IActorRef? _lastSender;
    private WirePath _lastSenderPath;

    public ulong NextHeartbeat() => ++_heartbeats;

    public void WriteUser(in OutboundItem item)
    {
        var recipient = item.Recipient!;
        var message = item.Message!;
        try
        {
            WirePath sender = default;
            if (item.Sender is { } from)
            {
                if (!ReferenceEquals(from, _lastSender))
                {
                    _lastSenderPath = node.ExportSender(from);
                    _lastSender = from;
                }

                sender = _lastSenderPath;
                if (ActorSystemSpi.IsTemporary(from))
                {
                    association.TrackAsk(from, recipient);
                }
            }

            var serializer = node.Serialization.FindSerializerFor(message);
            FrameWriter.WriteMessage(
                batch,
                node.Settings.MaxFrameSize,
                recipient.WirePath,
                sender,
                serializer.Identifier,
                serializer.Manifest(message),
                (Node: node, Message: message, Serializer: serializer, Context: _context),
                static (output, s) => s.Node.Serialization.Serialize(s.Message, s.Serializer, output, s.Context));
        }
        catch (Exception e) when (e is SerializationException or FrameTooLargeException)
        {
            node.Log.LogWarning(e, "Cannot send a {MessageType} to {Recipient}: {Reason}", message.GetType().FullName, recipient.Path, e.Message);
            node.Spi.DeadLetter(message, item.Sender, recipient, e.Message);
        }
    }

    public void WriteSystemMessages(IReadOnlyList<(ulong Sequence, RemoteSystemMessage Message)> messages)
    {
        foreach (var (sequence, message) in messages)
        {
            FrameWriter.WriteSystemMessage(batch, node.Settings.MaxFrameSize, sequence, message.Recipient, message.Sender, 0, message.Manifest, message.ExistenceConfirmed ? [1] : [0]);
        }
    }
}
