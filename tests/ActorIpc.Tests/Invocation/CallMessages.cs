namespace ActorIpc.Tests.Invocation;

/// <summary>The protocol of the test callees.</summary>
public interface ICall;

/// <summary>Answered with "NAME:TEXT", NAME being the callee's actor name.</summary>
public sealed record Echo(string Text) : ICall;

/// <summary>Never answered; the callee tells its watcher it has it.</summary>
public sealed record Hang(string Text) : ICall;

/// <summary>Answered with a Status.Failure carrying an InvalidOperationException with the reason.</summary>
public sealed record Boom(string Reason) : ICall;

/// <summary>Answered with the number 42, whatever the caller expects.</summary>
public sealed record AnswerWithNumber : ICall;

/// <summary>Not of the protocol.</summary>
public sealed record NotACall;
