using System.Collections.Concurrent;
using ActorIpc.Remote.Transport;
using Microsoft.Extensions.Logging;

namespace ActorIpc.Remote.Endpoints;

/// <summary>Accepting connections, and what the node remembers of each peer's numbered system messages.</summary>
internal sealed partial class RemoteNode
{
    private readonly ConcurrentDictionary<InboundConnection, byte> _inboundConnections = new();
    private readonly ConcurrentDictionary<(string Address, ulong Incarnation), ulong> _delivered = new();

    /// <summary>The highest system message of a peer incarnation delivered here (survives reconnects).</summary>
    public ulong DeliveredUpTo(string address, ulong incarnation) => _delivered.GetValueOrDefault((address, incarnation));

    public void SetDelivered(string address, ulong incarnation, ulong sequence) => _delivered[(address, incarnation)] = sequence;

    /// <summary>The peer is lost: its next incarnation starts numbering afresh.</summary>
    public void ForgetInbound(string address)
    {
        foreach (var key in _delivered.Keys)
        {
            if (key.Address == address)
            {
                _delivered.TryRemove(key, out _);
            }
        }
    }

    private async Task AcceptAsync(IConnectionListener listener)
    {
        while (!IsStopping)
        {
            ITransportConnection connection;
            try
            {
                connection = await listener.AcceptAsync(Stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (TransportException e)
            {
                // One failed accept (a TLS client that was not trusted) must not stop the listener.
                Log.LogWarning("Refused a connection on {Endpoint}: {Reason}", listener.Endpoint, e.Message);
                continue;
            }

            var inbound = new InboundConnection(this, connection);
            _inboundConnections[inbound] = 0;
            inbound.Start();
            _ = inbound.Completion.ContinueWith(_ => _inboundConnections.TryRemove(inbound, out byte _), TaskScheduler.Default);
        }
    }
}
