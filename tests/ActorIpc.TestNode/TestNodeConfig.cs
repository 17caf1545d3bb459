namespace ActorIpc.TestNode;

/// <summary>What the test node and the tests that start it agree on.</summary>
public static class TestNodeConfig
{
    /// <summary>The environment variable with extra HOCON for the node.</summary>
    public const string ConfigVariable = "ACTORIPC_TESTNODE_CONFIG";

    /// <summary>The start of the line the node prints when its actors run; its address follows.</summary>
    public const string ReadyPrefix = "READY ";

    /// <summary>The actor that answers every message with itself, and a <see cref="Messages.Ping"/> through its reference.</summary>
    public const string Echo = "echo";

    /// <summary>The actor that fails as a message asks (<see cref="Messages.Fail"/>).</summary>
    public const string Failing = "failing";

    /// <summary>The actor that sends a message of its own making to a given reference (<see cref="Messages.SendTo"/>).</summary>
    public const string Relay = "relay";

    /// <summary>The actor that makes messenger subscribers (<see cref="Messages.SubscribeTo"/>).</summary>
    public const string Subscriptions = "subscriptions";

    /// <summary>The name the node publishes its <see cref="Published.IOrderDesk"/> under.</summary>
    public const string OrderDesk = "order-desk";

    /// <summary>The node's own configuration: quiet logs, and the shared message and exception types allowed.</summary>
    public const string Defaults = """
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        actoripc.serialization {
          allowed-types += "ActorIpc.TestNode.Messages.*"
          exception-types += "ActorIpc.TestNode.Errors.*"
        }
        """;
}
