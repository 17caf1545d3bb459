using Akka.Actor;
using Akka.Cluster;

namespace ActorIpc;

/// <summary>
/// The names the messenger checks and makes: topics and roles as the caller gives them, and the
/// actor paths and pub-sub topics under which a node's messenger is known to the other nodes.
/// </summary>
internal static class MessengerNames
{
    /// <summary>The name of each node's messenger actor, under <c>/system</c>.</summary>
    public const string ActorName = "actoripc-messenger";

    /// <summary>The messenger's entry point for broadcasts to every node.</summary>
    public const string EveryNode = "all";

    private const string RolePrefix = "role-";

    /// <summary>Checks a topic: any text that is not empty or only whitespace.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="parameterName">The caller's parameter name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="topic"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="topic"/> is empty or only whitespace.</exception>
    public static void CheckTopic(string topic, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(topic, parameterName);
        if (string.IsNullOrWhiteSpace(topic))
        {
            throw new ArgumentException($"a topic is a name, not '{topic}' (empty or only whitespace)", parameterName);
        }
    }

    /// <summary>Checks a role: <see langword="null"/> (every node), or a cluster role's name.</summary>
    /// <param name="role">The role.</param>
    /// <param name="parameterName">The caller's parameter name.</param>
    /// <exception cref="ArgumentException"><paramref name="role"/> is empty or only whitespace.</exception>
    public static void CheckRole(string? role, string parameterName)
    {
        if (role is not null && string.IsNullOrWhiteSpace(role))
        {
            throw new ArgumentException(
                $"a role is the name of a cluster role (actoripc.node.roles), not '{role}' (empty or only whitespace); pass null to reach every node",
                parameterName);
        }
    }

    /// <summary>The name of the messenger's entry point for <paramref name="role"/>, or for every node.</summary>
    /// <param name="role">A cluster role, or <see langword="null"/> for every node.</param>
    /// <returns>A child name of the messenger actor; escaped, so that any role makes a valid actor name.</returns>
    public static string EntryName(string? role) =>
        role is null ? EveryNode : RolePrefix + Uri.EscapeDataString(role);

    /// <summary>
    /// The pub-sub key of an entry point: its path without the address, the same on every node, so
    /// that the mediator's <c>SendToAll</c> reaches the entry point of each node that has one.
    /// </summary>
    /// <param name="role">A cluster role, or <see langword="null"/> for every node.</param>
    /// <returns>The path, e.g. <c>/system/actoripc-messenger/role-worker</c>.</returns>
    public static string EntryPath(string? role) => $"/system/{ActorName}/{EntryName(role)}";

    /// <summary>
    /// The pub-sub topic a node's messenger subscribes to once its entry points are registered, as
    /// the mediators' topic list spells it (escaped). Seeing it in the list tells a node that its
    /// mediator knows the other node's entry points: they were registered before it.
    /// </summary>
    /// <param name="node">The node.</param>
    /// <returns>The escaped topic name.</returns>
    public static string PresenceTopic(UniqueAddress node) => Uri.EscapeDataString(PresenceTopicName(node));

    /// <summary>The pub-sub topic a node's messenger subscribes to, unescaped (as given to the mediator).</summary>
    /// <param name="node">The node.</param>
    /// <returns>The topic name.</returns>
    public static string PresenceTopicName(UniqueAddress node) => $"{ActorName}@{node.Address}#{node.Uid}";

    /// <summary>The address a reply came from, with this node's own address for a local sender.</summary>
    /// <param name="sender">The replying actor.</param>
    /// <param name="self">This node's address.</param>
    /// <returns>The node's address.</returns>
    public static Address NodeOf(IActorRef sender, Address self) =>
        sender.Path.Address.HasGlobalScope ? sender.Path.Address : self;

    /// <summary>How a role reads in a message: empty for every node.</summary>
    /// <param name="role">The role, or <see langword="null"/>.</param>
    /// <returns>E.g. <c> (role 'worker')</c>.</returns>
    public static string Describe(string? role) => role is null ? "" : $" (role '{role}')";
}
