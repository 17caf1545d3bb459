namespace ActorIpc.FleetChild;

/// <summary>What the fleet's test child and the tests that start it agree on.</summary>
public static class ChildConfig
{
    /// <summary>Extra HOCON for the child's node, laid over <see cref="Defaults"/>.</summary>
    public const string ConfigVariable = "ACTORIPC_FLEETCHILD_CONFIG";

    /// <summary>The key a serving child's echo is registered under (calls that are not idempotent).</summary>
    public const string EchoKey = "fleet-echo";

    /// <summary>The key the same echo is registered under as well (the parent makes its calls idempotent).</summary>
    public const string IdempotentKey = "fleet-idempotent";

    /// <summary>The name a serving child publishes its <see cref="IGreeter"/> under.</summary>
    public const string GreeterName = "fleet-greeter";

    /// <summary>The line a child in the parent role prints for each replica it started, followed by the replica's process id.</summary>
    public const string ChildPrefix = "CHILD ";

    /// <summary>The line a child in the parent role prints when its fleet is ready.</summary>
    public const string FleetReady = "FLEET READY";

    /// <summary>The line a serving child prints once its callee is registered.</summary>
    public const string Serving = "serving";

    /// <summary>The node's own configuration: quiet logs.</summary>
    public const string Defaults = """
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        """;
}
