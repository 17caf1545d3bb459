namespace ActorIpc.Tests.Proxies.Fenced;

/// <summary>Allowed by the publisher's node only.</summary>
public sealed record PublisherOnly(string Text);

/// <summary>Allowed by the caller's node only.</summary>
public sealed record CallerOnly(string Text);

/// <summary>Allowed by no node.</summary>
public sealed record Unlisted(string Text);
