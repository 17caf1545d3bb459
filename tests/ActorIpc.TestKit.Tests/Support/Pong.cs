namespace ActorIpc.TestKit.Tests;

public sealed record Pong(int N = 1);
