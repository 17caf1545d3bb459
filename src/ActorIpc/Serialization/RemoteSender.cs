using System.Net;
using Akka.Actor;

namespace ActorIpc.Serialization;

/// <summary>
/// Which process sent the message being deserialized. Akka.Remote deserializes an arriving message
/// inside the receive of the endpoint reader of the connection it came on, an actor named
/// <c>endpointReader-</c>, the URL-encoded address of the remote system, <c>-</c>, a counter
/// (<c>endpointReader-akka.tcp%3A%2F%2Fsys%40127.0.0.1%3A4711-1</c>): the actor running on this
/// thread names the sender.
/// </summary>
internal static class RemoteSender
{
    private const string ReaderPrefix = "endpointReader-";

    /// <summary>The address of the system whose message this thread is deserializing, if known.</summary>
    /// <returns>For example <c>akka.tcp://sys@127.0.0.1:4711</c>; <see langword="null"/> when this thread is not an endpoint reader's.</returns>
    public static string? Current()
    {
        var self = ActorCell.GetCurrentSelfOrNoSender();
        return self is null ? null : FromActorName(self.Path.Name);
    }

    /// <summary>Decodes the remote address from an endpoint reader's actor name.</summary>
    /// <param name="actorName">The name of an actor.</param>
    /// <returns>The remote system's address; <see langword="null"/> when <paramref name="actorName"/> is not an endpoint reader's name.</returns>
    public static string? FromActorName(string actorName)
    {
        ArgumentNullException.ThrowIfNull(actorName);
        if (!actorName.StartsWith(ReaderPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        // The address may contain '-' itself (URL encoding keeps it, and system and host names
        // use it); the counter is what follows the last one.
        var counter = actorName.LastIndexOf('-');
        var digits = actorName.AsSpan(counter + 1);
        if (counter < ReaderPrefix.Length || digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        var address = WebUtility.UrlDecode(actorName[ReaderPrefix.Length..counter]);
        return Address.TryParse(address, out var parsed) && parsed.HasGlobalScope ? parsed.ToString() : null;
    }
}
