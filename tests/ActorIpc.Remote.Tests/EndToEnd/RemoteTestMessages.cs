namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>Marks the messages these tests send between systems (bound to the JSON serializer in <see cref="RemoteNodes"/>).</summary>
public interface IRemoteTestMessage
{
}

public sealed record Greeting(string Text, int Number) : IRemoteTestMessage;

public sealed record Crash(string Why) : IRemoteTestMessage;

public sealed record ForwardTo(IActorRef Target, string Text) : IRemoteTestMessage;

/// <summary>Not an <see cref="IRemoteTestMessage"/>: only nodes whose configuration binds it can send or receive it.</summary>
public sealed record Smuggled(string Text);
