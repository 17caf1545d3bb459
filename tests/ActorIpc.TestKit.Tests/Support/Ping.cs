namespace ActorIpc.TestKit.Tests;

public sealed record Ping(string Text = "ping");
